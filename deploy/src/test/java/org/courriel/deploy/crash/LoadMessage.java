package org.courriel.deploy.crash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * A message of the crash campaign: its id is in the Message-ID, and what was sent is known by length and
 * SHA-256, so a stored copy is checked byte for byte (for SMTP, the stored copy ends with the sent bytes:
 * trace fields come first).
 */
record LoadMessage(String id, int length, String sha256) {

    private static final String LINE = "The quick brown fox jumps over the lazy dog 0123456789.";

    /** A message of random size (a line to about 64 KiB), built from {@code random}. */
    static byte[] build(String id, Random random) {
        StringBuilder m = new StringBuilder()
                .append("From: load@sender.test\r\n")
                .append("To: crash@crash.test\r\n")
                .append("Subject: crash ").append(id).append("\r\n")
                .append("Message-ID: <").append(id).append("@crash.test>\r\n")
                .append("\r\n");
        int lines = random.nextInt(10) == 0 ? 200 + random.nextInt(1000) : 1 + random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            m.append(i).append(' ').append(LINE, 0, 1 + random.nextInt(LINE.length() - 1)).append("\r\n");
        }
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static LoadMessage of(String id, byte[] bytes) {
        return new LoadMessage(id, bytes.length, sha256(bytes, 0, bytes.length));
    }

    /** The id in a stored message's Message-ID, or null. */
    static String idIn(byte[] stored) {
        String text = new String(stored, StandardCharsets.US_ASCII);
        int start = text.indexOf("Message-ID: <");
        if (start < 0) {
            return null;
        }
        int end = text.indexOf("@crash.test>", start);
        return end < 0 ? null : text.substring(start + "Message-ID: <".length(), end);
    }

    /** Whether {@code stored} ends with exactly the sent bytes. */
    boolean isSuffixOf(byte[] stored) {
        return stored.length >= length && sha256(stored, stored.length - length, length).equals(sha256);
    }

    static String sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(bytes, offset, length);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
