package org.courriel.store.sort;

import org.courriel.store.mime.MessageParser;

/**
 * The base subject of RFC 5256 §2.1, which SORT SUBJECT and both THREAD algorithms use, and whether taking it
 * removed a reply or forward marker (what §3 REFERENCES calls "a reply or forward").
 *
 * @param text             the base subject, not yet collated (see {@link UnicodeCasemap})
 * @param replyOrForward   a subj-refwd, a "(fwd)" subj-trailer or a subj-fwd-hdr and subj-fwd-trl were removed
 */
public record BaseSubject(String text, boolean replyOrForward) {

    /** The base subject of a Subject header value as it stands in the header (encoded words not yet decoded). */
    public static BaseSubject of(String headerValue) {
        if (headerValue == null) {
            return new BaseSubject("", false);
        }
        return ofDecoded(MessageParser.decode(headerValue));
    }

    /** The base subject of a subject whose encoded words are decoded (step 1's first half done). */
    public static BaseSubject ofDecoded(String subject) {
        // §2.1 (1): tabs and continuations to space, runs of spaces to one
        String s = subject.replaceAll("\r?\n", "").replaceAll("[ \t]+", " ");
        boolean reply = false;
        while (true) {
            // §2.1 (2): subj-trailer = "(fwd)" / WSP, repeatedly
            while (true) {
                if (s.endsWith(" ")) {
                    s = s.substring(0, s.length() - 1);
                } else if (endsWithIgnoreCase(s, "(fwd)")) {
                    s = s.substring(0, s.length() - 5);
                    reply = true;
                } else {
                    break;
                }
            }
            // §2.1 (5): (3) and (4) until neither matches
            while (true) {
                // (3) subj-leader = (*subj-blob subj-refwd) / WSP
                if (s.startsWith(" ")) {
                    s = s.substring(1);
                    continue;
                }
                int leader = refwdLeader(s);
                if (leader > 0) {
                    s = s.substring(leader);
                    reply = true;
                    continue;
                }
                // (4) a subj-blob, if what remains is a non-empty subj-base
                int blob = blob(s, 0);
                if (blob > 0 && !s.substring(blob).isBlank()) {
                    s = s.substring(blob);
                    continue;
                }
                break;
            }
            // §2.1 (6): subj-fwd-hdr "[fwd:" ... subj-fwd-trl "]", then again from (2)
            if (startsWithIgnoreCase(s, "[fwd:") && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                reply = true;
                continue;
            }
            return new BaseSubject(s, reply);
        }
    }

    /** The length of {@code *subj-blob subj-refwd} at the start of {@code s}, or 0. */
    private static int refwdLeader(String s) {
        int i = 0;
        while (true) {
            int refwd = refwd(s, i);
            if (refwd > 0) {
                return refwd;
            }
            int blob = blob(s, i);
            if (blob == 0) {
                return 0;
            }
            i = blob;
        }
    }

    /** subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":" at {@code from}: the index after it, or 0. */
    private static int refwd(String s, int from) {
        for (String token : new String[] {"re", "fwd", "fw"}) {
            if (s.regionMatches(true, from, token, 0, token.length())) {
                int i = spaces(s, from + token.length());
                int blob = blob(s, i);
                if (blob > 0 && blob < s.length() && s.charAt(blob) == ':') {
                    return blob + 1;
                }
                if (i < s.length() && s.charAt(i) == ':') {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /** subj-blob = "[" *BLOBCHAR "]" *WSP at {@code from}: the index after it, or 0. */
    private static int blob(String s, int from) {
        if (from >= s.length() || s.charAt(from) != '[') {
            return 0;
        }
        for (int i = from + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ']') {
                return spaces(s, i + 1);
            }
            if (c == '[') {
                return 0;
            }
        }
        return 0;
    }

    private static int spaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
