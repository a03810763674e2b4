package org.courriel.mta.smtp.trace;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The trace fields a receiving server adds at the top of the content (RFC 5321 §4.4): {@code Return-Path}
 * on final delivery and a {@code Received} time stamp line.
 */
public final class TraceHeaders {

    /** RFC 5322 §3.3 date-time, with a numeric zone. */
    public static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private TraceHeaders() {
    }

    /** RFC 5321 §4.4: {@code Return-Path: <reverse-path>}, {@code <>} for a bounce. */
    public static String returnPath(String reversePath) {
        return "Return-Path: <" + clean(reversePath) + ">\r\n";
    }

    /**
     * RFC 5321 §4.4 Time-stamp-line, folded (RFC 5322 §2.2.3).
     *
     * @param helo       the name the client gave in HELO/EHLO
     * @param client     the client's address
     * @param by         this server's host name
     * @param protocol   the WITH value (RFC 3848, RFC 6531 §4.3): ESMTP, ESMTPSA, UTF8SMTPS...
     * @param id         an identifier of this transaction
     * @param recipients the recipients; named in a FOR clause only when there is exactly one (privacy)
     */
    public static String received(String helo, InetAddress client, String by, String protocol, String id,
            List<String> recipients, ZonedDateTime when) {
        return received(helo, client, null, by, protocol, id, recipients, when);
    }

    /**
     * As above, with the client's forward-confirmed reverse name (FCrDNS) before its address when known:
     * {@code from helo (name [192.0.2.1])}, the TCP-info of RFC 5321 §4.4.
     */
    public static String received(String helo, InetAddress client, String clientName, String by, String protocol,
            String id, List<String> recipients, ZonedDateTime when) {
        StringBuilder h = new StringBuilder("Received: from ").append(clean(helo))
                .append(" (").append(clientName == null ? "" : clean(clientName) + " ")
                .append(addressLiteral(client)).append(")\r\n")
                .append("\tby ").append(clean(by)).append(" (Courriel) with ").append(protocol)
                .append(" id ").append(id);
        if (recipients.size() == 1) {
            h.append("\r\n\tfor <").append(clean(recipients.get(0))).append('>');
        }
        h.append(";\r\n\t").append(DATE_TIME.format(when)).append("\r\n");
        return h.toString();
    }

    /**
     * The WITH protocol name: RFC 3848 (ESMTP, ESMTPA, ESMTPS, ESMTPSA) and RFC 6531 §4.3 (UTF8SMTP...).
     */
    public static String protocol(boolean ehlo, boolean utf8, boolean tls, boolean authenticated) {
        if (!ehlo) {
            return "SMTP";
        }
        return (utf8 ? "UTF8SMTP" : "ESMTP") + (tls ? "S" : "") + (authenticated ? "A" : "");
    }

    /** Concatenates header text and content. */
    public static byte[] prepend(String headers, byte[] content) {
        byte[] head = headers.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        return all;
    }

    /** RFC 5321 §4.1.3 address-literal: {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]}. */
    static String addressLiteral(InetAddress address) {
        return address instanceof java.net.Inet6Address
                ? "[IPv6:" + address.getHostAddress().replaceFirst("%.*$", "") + "]"
                : "[" + address.getHostAddress() + "]";
    }

    /** Client-given text must not break the header: CR, LF and other controls become spaces. */
    private static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7f ? ' ' : c));
        return b.toString();
    }
}
