package org.courriel.mta.auth.dkim;

import java.io.ByteArrayOutputStream;

/** Makes every line end CRLF, as {@code DotStuffingOutputStream} will on the wire (RFC 5321 §2.3.8). */
final class LineEnds {

    private LineEnds() {
    }

    /** The same array when its lines already end in CRLF. */
    static byte[] crlf(byte[] message) {
        if (isCrlf(message)) {
            return message;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < message.length && message[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static boolean isCrlf(byte[] message) {
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\r' && (i + 1 >= message.length || message[i + 1] != '\n')) {
                return false;
            }
            if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r')) {
                return false;
            }
        }
        return true;
    }
}
