package org.courriel.mta.relay;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reply of a remote SMTP server (RFC 5321 §4.2): the three-digit code, the enhanced status code when the
 * text starts with one (RFC 3463, RFC 2034 §4), and the text lines.
 *
 * @param code     the reply code, 200 to 599
 * @param enhanced the enhanced status ({@code 5.1.1}), or null when the server gave none
 * @param lines    the text of each line, without code, separator and enhanced status of the first
 */
public record RemoteReply(int code, String enhanced, List<String> lines) {

    // RFC 3463 §2: class "." subject "." detail, the class matching the reply's first digit
    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s+|$)");

    public RemoteReply {
        lines = List.copyOf(lines);
    }

    /** A reply made up locally (connection refused, TLS required, null MX), never sent by a server. */
    public static RemoteReply local(int code, String enhanced, String text) {
        return new RemoteReply(code, enhanced, List.of(text));
    }

    /** Splits a leading enhanced status code off the first line when its class matches the reply code. */
    static RemoteReply of(int code, List<String> lines) {
        if (!lines.isEmpty()) {
            Matcher m = ENHANCED.matcher(lines.get(0));
            if (m.find() && m.group(1).charAt(0) - '0' == code / 100) {
                List<String> rest = new java.util.ArrayList<>(lines);
                rest.set(0, lines.get(0).substring(m.end()));
                return new RemoteReply(code, m.group(1) + "." + m.group(2) + "." + m.group(3), rest);
            }
        }
        return new RemoteReply(code, null, lines);
    }

    public boolean isPositive() {
        return code >= 200 && code < 400;
    }

    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    public boolean isPermanent() {
        return code >= 500;
    }

    /** The enhanced status, or the generic one of the reply's class (RFC 3463 §3.1, X.0.0). */
    public String status() {
        return enhanced != null ? enhanced : (code / 100) + ".0.0";
    }

    /** The text on one line. */
    public String text() {
        return String.join(" ", lines).strip();
    }

    /** As an operator or a DSN's Diagnostic-Code shows it: {@code 550 5.1.1 no such user}. */
    @Override
    public String toString() {
        return code + (enhanced != null ? " " + enhanced : "") + (text().isEmpty() ? "" : " " + text());
    }
}
