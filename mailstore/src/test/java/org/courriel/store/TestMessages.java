package org.courriel.store;

import java.nio.charset.StandardCharsets;

/** Small messages for tests. */
public final class TestMessages {

    private TestMessages() {
    }

    public static byte[] simple(String subject) {
        return ("From: Alice <alice@example.com>\r\n"
                + "To: Bob <bob@example.org>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                + "Message-ID: <" + subject.hashCode() + "." + System.nanoTime() + "@example.com>\r\n"
                + "\r\n"
                + "Hello " + subject + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
