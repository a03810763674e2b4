package org.courriel.store.search.text;

import java.util.Arrays;
import java.util.List;

import org.courriel.store.mime.HeaderSection;

/**
 * What the full-text index holds of one content: exactly the strings SEARCH TEXT and BODY compare (RFC 9051
 * §6.4.4, as {@code SearchMatcher} compares them), so that the index answers what a scan would:
 * <ul>
 * <li>{@code header}: every top-level field as {@link SearchText#textLine}, the half of TEXT that is not BODY;</li>
 * <li>{@code body}: every text part, decoded and folded ({@link SearchText#bodyTexts}), what BODY compares;</li>
 * <li>{@code addresses}: the parsed forms of the From, To, Cc and Bcc addresses ({@link SearchText#addressForms}),
 * which those keys compare besides the field's text. With {@code header} they hold every string a header key
 * (FROM, SUBJECT, HEADER ...) can match, so the index narrows those keys to the messages that may match.</li>
 * </ul>
 * The strings of each part are joined by {@link #SEPARATOR}, which no indexable needle contains: a needle is
 * in the joined text exactly when it is in one of the strings. NUL and unpaired surrogates (which PostgreSQL's
 * text cannot hold) become the separator too, for the same reason. A part longer than the limit is cut, and
 * the content is then {@code complete = false}: the index's "no" is not to be trusted for it.
 *
 * @param header    the header's field lines, joined
 * @param body      the text parts, joined
 * @param addresses the address forms, joined
 * @param complete  whether no part was cut
 */
public record IndexedText(String header, String body, String addresses, boolean complete) {

    /** An empty text, {@code complete} or not (a content whose text could not be read is not). */
    public static IndexedText empty(boolean complete) {
        return new IndexedText("", "", "", complete);
    }

    /** Between the strings of one half; a noncharacter, not expected in mail and never in an indexable needle. */
    public static final char SEPARATOR = '\uFFFF';

    /** The shortest needle (in code points) an index of trigrams answers. */
    public static final int MIN_NEEDLE = 3;

    /**
     * The longest needle (in code points) the index is asked about: its query holds a third as many trigrams, and a
     * client may send a needle of any length (within the command's bounds); a longer one is left to the scan.
     */
    public static final int MAX_NEEDLE = 256;

    /** The text of a whole message (header and body), each part cut at {@code maxChars} characters. */
    public static IndexedText of(byte[] message, int maxChars) {
        byte[] header = Arrays.copyOf(message, HeaderSection.length(message));
        List<SearchText.Field> fields = SearchText.fields(header);
        List<String> lines = fields.stream().map(SearchText::textLine).toList();
        List<String> forms = fields.stream().filter(f -> SearchText.isAddressField(f.name()))
                .flatMap(f -> SearchText.addressForms(f.value()).stream()).toList();
        List<String> texts = SearchText.bodyTexts(message).stream().map(SearchText::fold).toList();
        String h = joined(lines);
        String b = joined(texts);
        String a = joined(forms);
        boolean complete = h.length() <= maxChars && b.length() <= maxChars && a.length() <= maxChars;
        return new IndexedText(cut(h, maxChars), cut(b, maxChars), cut(a, maxChars), complete);
    }

    private static String joined(List<String> strings) {
        return sanitize(String.join(String.valueOf(SEPARATOR), strings));
    }

    /**
     * Whether the text holds the needle where a key of {@code scope} looks ({@code needle} as {@link #needle}
     * returned it): what the index answers for this content.
     */
    public boolean holds(String needle, TextIndex.Scope scope) {
        return switch (scope) {
            case BODY -> body.contains(needle);
            case TEXT -> body.contains(needle) || header.contains(needle);
            case HEADER_FIELDS -> header.contains(needle) || addresses.contains(needle);
        };
    }

    /**
     * The needle of a TEXT, BODY or header key as the index compares it (folded as the matcher folds it), or null when
     * an index cannot answer it: fewer than {@link #MIN_NEEDLE} or more than {@link #MAX_NEEDLE} code points,
     * or a character the indexed text uses as its separator.
     */
    public static String needle(String value) {
        String folded = SearchText.fold(value);
        int length = folded.codePointCount(0, folded.length());
        if (length < MIN_NEEDLE || length > MAX_NEEDLE || folded.indexOf(SEPARATOR) >= 0
                || !sanitize(folded).equals(folded)) {
            return null;
        }
        return folded;
    }

    /** NUL, unpaired surrogates and the separator itself replaced by the separator. */
    static String sanitize(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean bad = c == 0 || c == SEPARATOR
                    || Character.isSurrogate(c) && !pair && !(Character.isLowSurrogate(c) && i > 0
                            && Character.isHighSurrogate(s.charAt(i - 1)));
            if (bad && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(bad ? SEPARATOR : c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
