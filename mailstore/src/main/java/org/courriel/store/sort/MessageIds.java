package org.courriel.store.sort;

import java.util.ArrayList;
import java.util.List;

/**
 * Message IDs as THREAD=REFERENCES compares them (RFC 5256 §3): {@code <id-left@id-right>} with quoting undone
 * ({@code <"a b"@x>} is {@code <ab@x>}), whitespace, folding and comments between them dropped; anything without an
 * {@code @} or longer than {@link #MAX_LENGTH} is not a valid ID. Comparisons stay case-sensitive.
 */
public final class MessageIds {

    /** The longest message ID kept; a longer one counts as absent. */
    public static final int MAX_LENGTH = 250;

    private MessageIds() {
    }

    /** The valid message IDs of a field value, in order. */
    public static List<String> parse(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == '(') {
                i = skipComment(value, i);
                continue;
            }
            if (c != '<') {
                i++;
                continue;
            }
            StringBuilder id = new StringBuilder("<");
            i++;
            boolean quoted = false;
            boolean closed = false;
            while (i < n) {
                char d = value.charAt(i++);
                if (quoted && d == '\\' && i < n) {
                    id.append(value.charAt(i++));
                } else if (d == '"') {
                    quoted = !quoted;
                } else if (!quoted && d == '>') {
                    closed = true;
                    break;
                } else if (!quoted && d == '<') {
                    i--; // a new ID starts: this one was never closed
                    break;
                } else if (quoted || (d != ' ' && d != '\t' && d != '\r' && d != '\n')) {
                    id.append(d);
                }
            }
            id.append('>');
            String s = id.toString();
            int at = s.indexOf('@');
            if (closed && at > 1 && at < s.length() - 2 && s.length() <= MAX_LENGTH) {
                ids.add(s);
            }
        }
        return ids;
    }

    /** The first valid message ID of a field value, or null. */
    public static String first(String value) {
        List<String> ids = parse(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static int skipComment(String value, int i) {
        int depth = 0;
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return i;
    }
}
