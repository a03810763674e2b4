package org.courriel.store.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.courriel.store.message.Flags;
import org.courriel.store.message.SystemFlag;

/**
 * mboxrd, the mbox variant whose quoting can be undone: each message follows a {@code From } line carrying its
 * internal date in {@code asctime} form (UTC), every body line matching {@code >*From } gets one more {@code >}
 * (and loses one when read), and one {@code \n} more ends the message (the empty line after a
 * message that ends with a line end). Flags travel in headers written at the top of
 * the header section, as mutt and Dovecot read them: {@code Status:} ({@code R} seen, {@code O} old),
 * {@code X-Status:} ({@code A} answered, {@code F} flagged, {@code T} draft, {@code D} deleted) and
 * {@code X-Keywords:}; an import reads and removes those three fields wherever they are in the header, so the
 * stored bytes are the exported ones. Pure: bytes in, bytes out (messages are handled as ISO-8859-1 text,
 * which maps every byte to one char and back).
 */
public final class MboxrdFormat {

    /**
     * What starts a message in a file: {@code From } at the start of a line that ends with a year, the
     * pattern mbox readers use, as a zero-width look-ahead past {@code From } so that the rest of the line
     * (sender and date) stays with the message and its internal date can be read. Only {@code \n} ends a line:
     * byte 0x85 of an 8-bit message is no line break.
     */
    public static final String MESSAGE_START = "^From (?=\\S+.*\\d{4}\r?$)";
    public static final int MESSAGE_START_FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;

    /**
     * Characters of the file before each entry the iterator hands: {@code From } and one more, which it takes
     * for the end of the From line (with {@link #MESSAGE_START}, the sender's first character).
     */
    public static final int MATCHED_BEFORE_ENTRY = 6;

    /** {@code asctime}: {@code Wed Dec  2 07:45:01 2026}. */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ENGLISH);
    private static final Pattern QUOTED_FROM = Pattern.compile("^>+From ", Pattern.MULTILINE | Pattern.UNIX_LINES);
    private static final Pattern FROM = Pattern.compile("^(>*From )", Pattern.MULTILINE | Pattern.UNIX_LINES);
    private static final Set<String> FLAG_FIELDS = Set.of("status", "x-status", "x-keywords");

    private MboxrdFormat() {
    }

    /** A message as it appears in an mbox: its bytes, flags and internal date (null when the file had none). */
    public record MboxMessage(byte[] bytes, Flags flags, Instant internalDate) {
    }

    /** The whole entry of one message: From line, flag headers, quoted message, ending empty line. */
    public static byte[] entry(byte[] message, Flags flags, Instant internalDate) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        String eol = text.indexOf('\n') > 0 && text.charAt(text.indexOf('\n') - 1) == '\r' ? "\r\n" : "\n";
        StringBuilder entry = new StringBuilder("From MAILER-DAEMON ")
                .append(ASCTIME.format(internalDate.atOffset(ZoneOffset.UTC))).append('\n');
        entry.append(flagHeaders(flags, eol));
        entry.append(FROM.matcher(text).replaceAll(">$1"));
        // one line end closes the entry whether or not the message ends with one; a reader takes exactly one
        // away, so a message without a final line end comes back as it was
        entry.append('\n');
        return entry.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static String flagHeaders(Flags flags, String eol) {
        StringBuilder h = new StringBuilder("Status: ").append(flags.has(SystemFlag.SEEN) ? "RO" : "O").append(eol);
        StringBuilder x = new StringBuilder();
        if (flags.has(SystemFlag.ANSWERED)) {
            x.append('A');
        }
        if (flags.has(SystemFlag.FLAGGED)) {
            x.append('F');
        }
        if (flags.has(SystemFlag.DRAFT)) {
            x.append('T');
        }
        if (flags.has(SystemFlag.DELETED)) {
            x.append('D');
        }
        if (!x.isEmpty()) {
            h.append("X-Status: ").append(x).append(eol);
        }
        if (!flags.keywords().isEmpty()) {
            h.append("X-Keywords: ").append(String.join(" ", flags.keywords())).append(eol);
        }
        return h.toString();
    }

    /**
     * One message as {@link org.apache.james.mime4j.mboxiterator.MboxIterator} hands it with
     * {@link #MESSAGE_START}: the rest of its From line (less its first character), then the quoted message and the empty line before the
     * next From line.
     */
    public static MboxMessage read(CharSequence entry) {
        String text = entry.toString();
        int lineEnd = text.indexOf('\n');
        String fromLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        String rest = lineEnd < 0 ? "" : text.substring(lineEnd + 1);
        if (rest.endsWith("\n")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        rest = QUOTED_FROM.matcher(rest).replaceAll(m -> m.group().substring(1));
        int headerEnd = headerEnd(rest);
        StringBuilder header = new StringBuilder();
        int system = 0;
        Set<String> keywords = new LinkedHashSet<>();
        for (String field : fields(rest.substring(0, headerEnd))) {
            int colon = field.indexOf(':');
            String name = colon < 0 ? "" : field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!FLAG_FIELDS.contains(name)) {
                header.append(field);
                continue;
            }
            String value = field.substring(colon + 1).trim();
            switch (name) {
                case "status" -> system |= value.indexOf('R') >= 0 ? SystemFlag.SEEN.bit() : 0;
                case "x-status" -> system |= xStatus(value);
                default -> {
                    for (String k : value.split("[ ,]+")) {
                        if (!k.isEmpty() && keywords.size() < Flags.MAX_KEYWORDS && k.length() <= Flags.MAX_KEYWORD_LENGTH) {
                            keywords.add(k);
                        }
                    }
                }
            }
        }
        byte[] bytes = (header + rest.substring(headerEnd)).getBytes(StandardCharsets.ISO_8859_1);
        return new MboxMessage(bytes, new Flags(system, keywords), date(fromLine));
    }

    private static int xStatus(String value) {
        int bits = 0;
        bits |= value.indexOf('A') >= 0 ? SystemFlag.ANSWERED.bit() : 0;
        bits |= value.indexOf('F') >= 0 ? SystemFlag.FLAGGED.bit() : 0;
        bits |= value.indexOf('T') >= 0 ? SystemFlag.DRAFT.bit() : 0;
        bits |= value.indexOf('D') >= 0 ? SystemFlag.DELETED.bit() : 0;
        return bits;
    }

    /** Where the header section ends: after its empty line, or the whole text when there is none. */
    static int headerEnd(String message) {
        if (message.startsWith("\r\n")) {
            return 2;
        }
        if (message.startsWith("\n")) {
            return 1;
        }
        int lf = message.indexOf("\n\n");
        int crlf = message.indexOf("\r\n\r\n");
        if (crlf >= 0 && (lf < 0 || crlf < lf)) {
            return crlf + 4;
        }
        return lf < 0 ? message.length() : lf + 2;
    }

    /** The header section cut into fields, each with its folded lines and line ends; the empty line last. */
    private static java.util.List<String> fields(String header) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < header.length()) {
            int nl = header.indexOf('\n', i);
            int next = nl < 0 ? header.length() : nl + 1;
            boolean continues = next < header.length() && (header.charAt(next) == ' ' || header.charAt(next) == '\t');
            if (!continues) {
                fields.add(header.substring(start, next));
                start = next;
            }
            i = next;
        }
        return fields;
    }

    /** The internal date at the end of a From line ({@code sender asctime}), or null when it has none. */
    static Instant date(String fromLine) {
        String line = fromLine.strip();
        if (line.length() < 24) {
            return null;
        }
        try {
            return LocalDateTime.parse(line.substring(line.length() - 24), ASCTIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
