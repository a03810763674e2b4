package org.courriel.store.section;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A section of a message as IMAP FETCH names it (RFC 9051 §6.4.5.1): zero or more part numbers, then
 * optionally one of HEADER, HEADER.FIELDS (names), HEADER.FIELDS.NOT (names), TEXT or MIME.
 * {@code BODY[]} is {@code new SectionSpec(new int[0], Text.NONE, List.of())}; {@code BODY[2.1.MIME]} is
 * {@code new SectionSpec(new int[] {2, 1}, Text.MIME, List.of())}.
 * The partial {@code <origin.length>} is not part of the section: apply {@link MessageSections#partial} to the result.
 *
 * @param part       part numbers, each 1 or more; empty for the whole message
 * @param text       what of the part is wanted
 * @param fieldNames the field names of HEADER.FIELDS and HEADER.FIELDS.NOT, empty otherwise
 */
public record SectionSpec(int[] part, Text text, List<String> fieldNames) {

    /** The non-numeric part specifier that may end a section (RFC 9051 §6.4.5.1). */
    public enum Text {
        /** No specifier: the whole message, or the body of the numbered part. */
        NONE,
        /** The RFC 5322 header of the message or of the encapsulated message/rfc822 part, blank line included. */
        HEADER,
        /** The header fields named in {@code fieldNames}, in message order, plus the blank line. */
        HEADER_FIELDS,
        /** The header fields not named in {@code fieldNames}, in message order, plus the blank line. */
        HEADER_FIELDS_NOT,
        /** The body of the message or of the encapsulated message/rfc822 part, without its header. */
        TEXT,
        /** The MIME header of the numbered part (only valid after a part number). */
        MIME
    }

    /** The whole message: {@code BODY[]}. */
    public static final SectionSpec WHOLE = new SectionSpec(new int[0], Text.NONE, List.of());

    public SectionSpec {
        part = part == null ? new int[0] : part.clone();
        text = text == null ? Text.NONE : text;
        fieldNames = fieldNames == null ? List.of() : List.copyOf(fieldNames);
    }

    /** A section without field names, e.g. {@code of(Text.TEXT, 3)} for {@code 3.TEXT}. */
    public static SectionSpec of(Text text, int... part) {
        return new SectionSpec(part, text, List.of());
    }

    /** The body of a numbered part, e.g. {@code part(2, 1)} for {@code BODY[2.1]}. */
    public static SectionSpec part(int... part) {
        return new SectionSpec(part, Text.NONE, List.of());
    }

    @Override
    public int[] part() {
        return part.clone();
    }

    /** The section as IMAP spells it inside the brackets, e.g. {@code 1.2.HEADER.FIELDS (SUBJECT FROM)}. */
    public String imapName() {
        StringBuilder sb = new StringBuilder();
        for (int n : part) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(n);
        }
        if (text != Text.NONE) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(text.name().replace('_', '.'));
        }
        if (text == Text.HEADER_FIELDS || text == Text.HEADER_FIELDS_NOT) {
            sb.append(" (");
            for (int i = 0; i < fieldNames.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(fieldNames.get(i).toUpperCase(Locale.ROOT));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SectionSpec other && Arrays.equals(part, other.part) && text == other.text
                && fieldNames.equals(other.fieldNames);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(part) * 31 + text.hashCode()) * 31 + fieldNames.hashCode();
    }

    @Override
    public String toString() {
        return "SectionSpec[" + imapName() + "]";
    }
}
