package org.courriel.mta.smtp.trace;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * What a submission server adds to an incomplete message (RFC 6409 §8.2 Date, §8.3 Message-ID).
 */
public final class SubmissionHeaders {

    private SubmissionHeaders() {
    }

    /** Header lines to add (possibly none), each ended by CRLF. */
    public static String missing(byte[] content, String hostname, ZonedDateTime now) {
        StringBuilder add = new StringBuilder();
        if (!hasField(content, "Date")) {
            add.append("Date: ").append(TraceHeaders.DATE_TIME.format(now)).append("\r\n");
        }
        if (!hasField(content, "Message-ID")) {
            add.append("Message-ID: <").append(UUID.randomUUID()).append('@').append(hostname).append(">\r\n");
        }
        return add.toString();
    }

    /**
     * Whether the header section (up to the first empty line, RFC 5322 §2.1) has a field of that name.
     * Continuation lines (starting with white space) are not field starts.
     */
    public static boolean hasField(byte[] content, String name) {
        byte[] wanted = (name.toLowerCase(Locale.ROOT) + ":").getBytes(StandardCharsets.US_ASCII);
        int i = 0;
        while (i < content.length) {
            if (content[i] == '\r' || content[i] == '\n') {
                return false; // the empty line ending the header section
            }
            if (matchesAt(content, i, wanted)) {
                return true;
            }
            while (i < content.length && content[i] != '\n') {
                i++;
            }
            i++;
        }
        return false;
    }

    private static boolean matchesAt(byte[] content, int at, byte[] wanted) {
        int j = 0;
        int i = at;
        // RFC 5322 §3.6.8 field-name, then optional WSP before ':' (obsolete syntax, RFC 5322 §4.5).
        while (j < wanted.length - 1) {
            if (i >= content.length || Character.toLowerCase((char) content[i]) != wanted[j]) {
                return false;
            }
            i++;
            j++;
        }
        while (i < content.length && (content[i] == ' ' || content[i] == '\t')) {
            i++;
        }
        return i < content.length && content[i] == ':';
    }
}
