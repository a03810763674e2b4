package org.courriel.mta.relay;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The {@code TLS-Required} header field (RFC 8689 §3): {@code TLS-Required: No} asks that the message be
 * delivered even where TLS policy (MTA-STS, DANE, the operator's required TLS) would hold it back. "No" is the
 * only value the RFC defines; any other value means nothing. Pure: header bytes in, an answer out.
 */
public final class TlsRequiredField {

    private static final String NAME = "tls-required";

    private TlsRequiredField() {
    }

    /** Whether the message header (up to the blank line, or all of {@code message}) says {@code TLS-Required: No}. */
    public static boolean saysNo(byte[] message) {
        String header = headerOf(message);
        String[] lines = header.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(NAME)) {
                continue;
            }
            StringBuilder value = new StringBuilder(line.substring(colon + 1));
            // RFC 5322 §2.2.3: continuation lines start with white space
            while (i + 1 < lines.length && !lines[i + 1].isEmpty()
                    && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                value.append(lines[++i]);
            }
            if (value.toString().strip().equalsIgnoreCase("No")) {
                return true;
            }
        }
        return false;
    }

    private static String headerOf(byte[] message) {
        int end = message.length;
        for (int i = 0; i + 1 < message.length; i++) {
            if (message[i] == '\n' && (message[i + 1] == '\n'
                    || (message[i + 1] == '\r' && i + 2 < message.length && message[i + 2] == '\n'))) {
                end = i;
                break;
            }
        }
        return new String(message, 0, end, StandardCharsets.ISO_8859_1);
    }
}
