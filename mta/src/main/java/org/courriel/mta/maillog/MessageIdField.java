package org.courriel.mta.maillog;

import java.nio.charset.StandardCharsets;

/** The Message-ID field's value of a message (RFC 5322 §3.6.4), read from its header section only. */
final class MessageIdField {

    /** Bytes of the header section looked at: a Message-ID further down is not worth the scan. */
    static final int MAX_SCAN = 64 * 1024;
    private static final byte[] NAME = "message-id:".getBytes(StandardCharsets.US_ASCII);

    private MessageIdField() {
    }

    /** The id without angle brackets, or null when there is none. */
    static String of(byte[] message) {
        int end = Math.min(message.length, MAX_SCAN);
        int line = 0;
        while (line < end) {
            if (message[line] == '\r' || message[line] == '\n') {
                return null; // the empty line: end of the header section
            }
            int next = line;
            while (next < end && message[next] != '\n') {
                next++;
            }
            if (startsWithName(message, line, next)) {
                int valueEnd = next;
                // RFC 5322 §2.2.3: the field may be folded onto following lines starting with white space
                while (valueEnd + 1 < end && (message[valueEnd + 1] == ' ' || message[valueEnd + 1] == '\t')) {
                    valueEnd++;
                    while (valueEnd < end && message[valueEnd] != '\n') {
                        valueEnd++;
                    }
                }
                String value = new String(message, line + NAME.length, valueEnd - line - NAME.length,
                        StandardCharsets.UTF_8).replaceAll("\\s+", "");
                int open = value.indexOf('<');
                int close = value.indexOf('>', open + 1);
                return open >= 0 && close > open ? value.substring(open + 1, close) : value.isEmpty() ? null : value;
            }
            line = next + 1;
        }
        return null;
    }

    private static boolean startsWithName(byte[] message, int from, int to) {
        if (to - from < NAME.length) {
            return false;
        }
        for (int i = 0; i < NAME.length; i++) {
            if (Character.toLowerCase(message[from + i]) != NAME[i]) {
                return false;
            }
        }
        return true;
    }
}
