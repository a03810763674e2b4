package org.courriel.store.sieve;

import java.util.ArrayList;
import java.util.List;

/**
 * An out-of-office reply and a forward, the two rules most users want, set without writing Sieve; the
 * store turns them into the account's active script (RFC 5230 vacation, RFC 5228 redirect, RFC 3894 :copy).
 *
 * @param vacation the out-of-office reply, or null for none
 * @param forward  the forward, or null for none
 */
public record SimpleRules(Vacation vacation, Forward forward) {

    /** The name of the script these rules are written to. */
    public static final String SCRIPT = "courriel-rules";

    /** @param days days between two replies to one sender (RFC 5230 §4.1) */
    public record Vacation(String subject, String text, int days) {
    }

    /** @param keepCopy keep a copy in INBOX too */
    public record Forward(String address, boolean keepCopy) {
    }

    /** The Sieve script for these rules. */
    public String script() {
        List<String> require = new ArrayList<>();
        if (vacation != null) {
            require.add("\"vacation\"");
        }
        if (forward != null && forward.keepCopy()) {
            require.add("\"copy\"");
        }
        StringBuilder s = new StringBuilder("# Written by Courriel from the out-of-office and forwarding settings;\r\n"
                + "# changes made here are overwritten when those settings change.\r\n");
        if (!require.isEmpty()) {
            s.append("require [").append(String.join(", ", require)).append("];\r\n");
        }
        if (vacation != null) {
            s.append("vacation :days ").append(vacation.days());
            if (vacation.subject() != null && !vacation.subject().isBlank()) {
                s.append(" :subject ").append(quoted(vacation.subject()));
            }
            s.append(' ').append(quoted(vacation.text())).append(";\r\n");
        }
        if (forward != null) {
            s.append("redirect ").append(forward.keepCopy() ? ":copy " : "").append(quoted(forward.address()))
                    .append(";\r\n");
        }
        return s.toString();
    }

    // RFC 5228 §2.4.2: only " and \ need a backslash inside a quoted string.
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
