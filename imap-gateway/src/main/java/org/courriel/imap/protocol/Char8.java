package org.courriel.imap.protocol;

/**
 * RFC 9051 §4.3, §9: a plain literal carries CHAR8, any octet but NUL. Content that holds a NUL (a part with
 * {@code Content-Transfer-Encoding: binary}) goes into such a literal with each NUL replaced by 0x80, as Dovecot
 * does: the length and every other byte stay as stored. BINARY (RFC 3516 §4.2) answers the NUL in a literal8.
 */
public final class Char8 {

    /** The byte a NUL becomes in a plain literal. */
    static final byte NUL_REPLACEMENT = (byte) 0x80;

    private Char8() {
    }

    /** {@code bytes} itself when it holds no NUL, else a copy with every NUL replaced. */
    public static byte[] withoutNul(byte[] bytes) {
        byte[] out = bytes;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (out == bytes) {
                    out = bytes.clone();
                }
                out[i] = NUL_REPLACEMENT;
            }
        }
        return out;
    }
}
