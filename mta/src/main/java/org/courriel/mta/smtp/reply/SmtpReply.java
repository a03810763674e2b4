package org.courriel.mta.smtp.reply;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A reply ready to send: its code and lines. Encoding follows RFC 5321 §4.2: every line but the last is
 * {@code code-text}, the last {@code code SP text}; with enhanced status codes every line carries the code
 * after the reply code (RFC 2034 §3).
 */
public record SmtpReply(Reply kind, List<String> lines) {

    public SmtpReply {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
    }

    /** A multi-line reply (EHLO, HELP). */
    public static SmtpReply of(Reply kind, List<String> lines) {
        return new SmtpReply(kind, lines);
    }

    public int code() {
        return kind.code();
    }

    /** The reply as sent on the wire, every line ended by CRLF. */
    public byte[] encode() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(kind.code()).append(i == lines.size() - 1 ? ' ' : '-');
            if (kind.enhanced() != null) {
                out.append(kind.enhanced()).append(' ');
            }
            out.append(sanitize(lines.get(i))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A reply line must not contain CR or LF (it would forge a reply; RFC 5321 §4.2). */
    private static String sanitize(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8).stripTrailing();
    }
}
