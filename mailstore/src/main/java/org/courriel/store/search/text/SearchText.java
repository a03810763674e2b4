package org.courriel.store.search.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.courriel.store.mime.EnvelopeAddress;
import org.courriel.store.mime.EnvelopeAddresses;
import org.courriel.store.mime.MimeParsing;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * The text a search compares: decoded header values, decoded body text, the sent date. Pure functions, shared by
 * the search's matcher and the full-text index, which must index exactly the text the matcher compares.
 */
public final class SearchText {

    /** Day, month name and year of an RFC 5322 §3.3 date-time, whatever surrounds them. */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{2,4})",
            Pattern.CASE_INSENSITIVE);

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /**
     * A header field: its name as written, its value unfolded, decoded and folded for matching, and the unfolded
     * value as written (what an address parse reads).
     */
    public record Field(String name, String foldedValue, String value) {
    }

    /** The fields whose search keys (RFC 9051 §6.4.4 FROM, TO, CC, BCC) compare addresses, not only text. */
    private static final Set<String> ADDRESS_FIELDS = Set.of("from", "to", "cc", "bcc");

    private SearchText() {
    }

    /** Whether a key on this field also compares its addresses ({@link #addressForms}). */
    public static boolean isAddressField(String name) {
        return ADDRESS_FIELDS.contains(fold(name.strip()));
    }

    /**
     * RFC 9051 §6.4.4: FROM/TO/CC/BCC match the addresses as parsed (the parse ENVELOPE shows, comments and
     * folding gone) and their display names, not only the raw text: {@code <user (c)@ (c) domain.org>} is found
     * by {@code user@domain.org}. These are the strings compared besides the field's text, folded: for each
     * address, the address, the name, and "name &lt;address&gt;".
     *
     * @param value the field's value as written ({@link Field#value})
     */
    public static List<String> addressForms(String value) {
        List<String> forms = new ArrayList<>();
        for (EnvelopeAddress a : EnvelopeAddresses.parse(value)) {
            if (a.address() != null) {
                forms.add(fold(a.address()));
            }
            if (a.name() != null) {
                forms.add(fold(a.name()));
            }
            if (a.name() != null && a.address() != null) {
                forms.add(fold(a.name() + " <" + a.address() + ">"));
            }
        }
        return forms;
    }

    /** The form both sides of a comparison take: case folded so that matching ignores case. */
    public static String fold(String s) {
        return s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * A field as SEARCH TEXT compares it (RFC 9051 §6.4.4: the string anywhere in the header, field names
     * included): the folded name, a colon and a space, the folded value.
     */
    public static String textLine(Field field) {
        return fold(field.name()) + ": " + field.foldedValue();
    }

    /** The fields of a header section, values unfolded (RFC 5322 §2.2.3) and encoded words decoded (RFC 2047). */
    public static List<Field> fields(byte[] header) {
        List<Field> out = new ArrayList<>();
        int i = 0;
        while (i < header.length) {
            int end = fieldEnd(header, i);
            Field f = field(header, i, end);
            if (f != null) {
                out.add(f);
            }
            i = end;
        }
        return out;
    }

    /**
     * The fields named {@code name} (case ignored, as a HEADER key compares): {@link #fields} without the
     * others, and without decoding them. A header key reads one field of each message; decoding every field
     * was most of what a header search of a large mailbox cost.
     */
    public static List<Field> fieldsNamed(byte[] header, String name) {
        String wanted = name.strip();
        if (wanted.isEmpty() || !wanted.chars().allMatch(c -> c < 0x80)) {
            return fields(header).stream().filter(f -> f.name().equalsIgnoreCase(wanted)).toList();
        }
        List<Field> out = new ArrayList<>(1);
        int i = 0;
        while (i < header.length) {
            int end = fieldEnd(header, i);
            if (mayBeNamed(header, i, end, wanted)) {
                Field f = field(header, i, end);
                if (f != null && f.name().equalsIgnoreCase(wanted)) {
                    out.add(f);
                }
            }
            i = end;
        }
        return out;
    }

    /**
     * Whether the field in {@code [from, end)} may be named {@code wanted} (ASCII): false only when the octets
     * before its colon are ASCII and, blanks around them aside, another name. ':' is one octet in UTF-8 and in
     * ISO-8859-1 alike, so the colon found here is the one {@link #field} finds in the decoded text.
     */
    private static boolean mayBeNamed(byte[] b, int from, int end, String wanted) {
        int colon = -1;
        for (int i = from; i < end; i++) {
            if (b[i] == ':') {
                colon = i;
                break;
            }
            if (b[i] < 0) {
                return true; // not ASCII: decided on the decoded name
            }
        }
        if (colon < 0) {
            return false;
        }
        int start = from;
        int stop = colon;
        while (start < stop && Character.isWhitespace((char) b[start])) {
            start++;
        }
        while (stop > start && Character.isWhitespace((char) b[stop - 1])) {
            stop--;
        }
        if (stop - start != wanted.length()) {
            return false;
        }
        for (int k = 0; k < wanted.length(); k++) {
            char c = (char) b[start + k];
            char w = wanted.charAt(k);
            if (c != w && Character.toLowerCase(c) != Character.toLowerCase(w)) {
                return false;
            }
        }
        return true;
    }

    /** The field in {@code [from, end)}, or null when it has no name before a colon. */
    private static Field field(byte[] header, int from, int end) {
        String field = text(header, from, end);
        int colon = field.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String value = field.substring(colon + 1).replaceAll("\r?\n", "").strip();
        return new Field(field.substring(0, colon).strip(), fold(decodeWords(value)), value);
    }

    /**
     * The text of every text/* body part, including those of encapsulated messages: transfer encoding undone,
     * charset applied (UTF-8 when absent or unknown).
     */
    public static List<String> bodyTexts(byte[] message) {
        MimeTokenStream stream = new MimeTokenStream(MimeParsing.CONFIG, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
        stream.setRecursionMode(RecursionMode.M_RECURSE);
        stream.parse(new ByteArrayInputStream(message));
        List<String> texts = new ArrayList<>();
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                if (s == EntityState.T_BODY) {
                    BodyDescriptor d = stream.getBodyDescriptor();
                    if ("text".equalsIgnoreCase(d.getMediaType())) {
                        byte[] bytes = stream.getDecodedInputStream().readAllBytes();
                        texts.add(new String(bytes, charset(d.getCharset())));
                    }
                }
            }
        } catch (IOException | MimeException | RuntimeException e) {
            // An odd message is searched as far as it could be read.
        }
        return texts;
    }

    /** The date of the first Date field as written, time and zone disregarded (RFC 9051 §6.4.4), or null. */
    public static LocalDate sentDate(List<Field> fields) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase("Date")) {
                return date(f.foldedValue());
            }
        }
        return null;
    }

    public static LocalDate date(String value) {
        Matcher m = DATE.matcher(value);
        if (!m.find()) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        // RFC 5322 §4.3: two-digit years 00-49 are 20xx, 50-99 and three-digit years count from 1900.
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (m.group(3).length() == 3) {
            year += 1900;
        }
        try {
            return LocalDate.of(year, MONTHS.indexOf(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT)) + 1,
                    Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String decodeWords(String value) {
        try {
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return value;
        }
    }

    /** Header bytes as text: UTF-8 (RFC 6532), or ISO-8859-1 when they are not valid UTF-8. */
    private static String text(byte[] b, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    /** The index just past the field at {@code from}: its line and its folded ones (RFC 5322 §2.2.3). */
    private static int fieldEnd(byte[] b, int from) {
        int end = lineEnd(b, from);
        while (end < b.length && (b[end] == ' ' || b[end] == '\t')) {
            end = lineEnd(b, end);
        }
        return end;
    }

    private static int lineEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return b.length;
    }

    private static Charset charset(String name) {
        if (name == null || name.equalsIgnoreCase("us-ascii")) {
            return StandardCharsets.UTF_8;
        }
        Charset charset = CharsetUtil.lookup(name);
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }
}
