package org.courriel.mta.auth.arc;

import java.util.Locale;

/**
 * Reads what a sealer recorded in its ARC-Authentication-Results (RFC 8617 §4.1.1, the syntax of RFC 8601 §2.2):
 * only whether one of its results is {@code dmarc=pass} for a given {@code header.from}. Pure.
 */
final class SealerResults {

    private SealerResults() {
    }

    /** A {@code dmarc=pass} result with {@code header.from=domain} in {@code results}; false for null. */
    static boolean dmarcPassed(String results, String domain) {
        if (results == null || domain == null) {
            return false;
        }
        // RFC 8601 §2.2: resinfo after resinfo, separated by ';'; a comment may hold anything, so none is read
        for (String resinfo : withoutComments(results).split(";")) {
            String[] words = resinfo.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (words.length > 0 && words[0].equals("dmarc=pass")) {
                for (String word : words) {
                    if (word.equals("header.from=" + domain.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** RFC 5322 §3.2.2 comments removed, nested ones and quoted pairs included. */
    private static String withoutComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (depth > 0 && c == '\\') {
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                out.append(c);
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
