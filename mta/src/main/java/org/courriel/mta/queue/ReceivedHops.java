package org.courriel.mta.queue;

import org.courriel.store.mime.HeaderSection;

/** Counts the Received trace fields of a message's header (RFC 5321 §4.4), for loop detection (§6.3). */
final class ReceivedHops {

    private ReceivedHops() {
    }

    static int count(byte[] message) {
        int end = HeaderSection.length(message);
        int count = 0;
        boolean lineStart = true;
        for (int i = 0; i < end; i++) {
            if (lineStart && startsWithIgnoreCase(message, i, end, "received:")) {
                count++;
            }
            lineStart = message[i] == '\n';
        }
        return count;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int at, int end, String prefix) {
        if (at + prefix.length() > end) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase((char) b[at + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
