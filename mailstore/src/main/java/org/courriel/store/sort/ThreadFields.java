package org.courriel.store.sort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.courriel.store.mime.Envelope;

/**
 * What THREAD=REFERENCES links one message by (RFC 5256 §3), computed once when its content is stored.
 *
 * @param messageId  the normalised Message-ID, or null when it has none that is valid
 * @param references the references: the References field's IDs, or when it has none the first valid ID of
 *                   In-Reply-To, or none; only the last ones when they would not fit in {@link #MAX_REFERENCES}
 *                   characters (a truncated References is what the algorithm expects of MUAs anyway)
 */
public record ThreadFields(String messageId, List<String> references) {

    /** The most characters of references kept, separators included (the column's width). */
    public static final int MAX_REFERENCES = 4000;

    public static ThreadFields of(Envelope envelope, byte[] header) {
        List<String> refs = MessageIds.parse(field(header, "References"));
        if (refs.isEmpty()) {
            // RFC 5256 §3: no References (or none valid): the first valid In-Reply-To ID is the only reference
            String inReplyTo = MessageIds.first(envelope.inReplyTo());
            refs = inReplyTo == null ? List.of() : List.of(inReplyTo);
        }
        return new ThreadFields(MessageIds.first(envelope.messageId()), last(refs));
    }

    /** The references as stored: space-separated. */
    public String referencesColumn() {
        return references.isEmpty() ? null : String.join(" ", references);
    }

    /** The references of a stored column. */
    public static List<String> references(String column) {
        return column == null || column.isBlank() ? List.of() : List.of(column.split(" "));
    }

    private static List<String> last(List<String> refs) {
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (int i = refs.size() - 1; i >= 0; i--) {
            length += refs.get(i).length() + (kept.isEmpty() ? 0 : 1);
            if (length > MAX_REFERENCES) {
                break;
            }
            kept.add(0, refs.get(i));
        }
        return List.copyOf(kept);
    }

    /** The unfolded value of the first field of that name in a header section, or null. */
    static String field(byte[] header, String name) {
        if (header == null) {
            return null;
        }
        // message IDs are ASCII: ISO-8859-1 keeps every byte where it is
        String text = new String(header, StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < text.length()) {
            int end = text.indexOf('\n', i);
            end = end < 0 ? text.length() : end + 1;
            while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                int next = text.indexOf('\n', end);
                end = next < 0 ? text.length() : next + 1;
            }
            if (text.regionMatches(true, i, name, 0, name.length()) && i + name.length() < text.length()) {
                int colon = i + name.length();
                while (colon < end && (text.charAt(colon) == ' ' || text.charAt(colon) == '\t')) {
                    colon++;
                }
                if (colon < end && text.charAt(colon) == ':') {
                    return text.substring(colon + 1, end).replaceAll("\r?\n", "").strip();
                }
            }
            i = end;
        }
        return null;
    }
}
