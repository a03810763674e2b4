package org.courriel.sieve;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/** A {@link SieveMessage} over the raw bytes of a message: its header section is parsed once. */
public final class ParsedMessage implements SieveMessage {

    /** Header bytes looked at: a message whose header is longer is judged on its first part only. */
    static final int MAX_HEADER = 256 * 1024;

    private final byte[] message;
    private final List<String[]> fields;
    private final String envelopeFrom;
    private final String envelopeTo;
    private final long size;
    private final Predicate<String> mailboxExists;
    private final ZonedDateTime now;
    private Predicate<String> seenBefore = key -> false;

    private ParsedMessage(byte[] message, List<String[]> fields, String envelopeFrom, String envelopeTo, long size,
            Predicate<String> mailboxExists, ZonedDateTime now) {
        this.now = now;
        this.message = message;
        this.fields = fields;
        this.envelopeFrom = envelopeFrom;
        this.envelopeTo = envelopeTo;
        this.size = size;
        this.mailboxExists = mailboxExists;
    }

    public static ParsedMessage of(byte[] message, String envelopeFrom, String envelopeTo,
            Predicate<String> mailboxExists) {
        return of(message, envelopeFrom, envelopeTo, mailboxExists, ZonedDateTime.now());
    }

    /** @param now the time {@code currentdate} sees (RFC 5260 §5), with the zone dates are shown in */
    public static ParsedMessage of(byte[] message, String envelopeFrom, String envelopeTo,
            Predicate<String> mailboxExists, ZonedDateTime now) {
        return new ParsedMessage(message, fields(message), envelopeFrom, envelopeTo, message.length, mailboxExists,
                now);
    }

    // RFC 5322 §2.2: name ":" value, continuation lines start with white space; the header ends at an empty line.
    private static List<String[]> fields(byte[] message) {
        int end = Math.min(message.length, MAX_HEADER);
        String header = new String(message, 0, end, StandardCharsets.UTF_8);
        int blank = header.indexOf("\r\n\r\n");
        if (blank < 0) {
            blank = header.indexOf("\n\n");
        }
        if (blank >= 0) {
            header = header.substring(0, blank);
        }
        List<String[]> out = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : header.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(line);
                continue;
            }
            if (name != null) {
                out.add(new String[] {name, value.toString().strip()});
            }
            int colon = line.indexOf(':');
            name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
            value.setLength(0);
            if (name != null) {
                value.append(line, colon + 1, line.length());
            }
        }
        if (name != null) {
            out.add(new String[] {name, value.toString().strip()});
        }
        return out;
    }

    private List<String> raw(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return fields.stream().filter(f -> f[0].equals(n)).map(f -> f[1]).toList();
    }

    @Override
    public List<String> header(String name) {
        return raw(name).stream().map(v -> DecoderUtil.decodeEncodedWords(v, DecodeMonitor.SILENT)).toList();
    }

    @Override
    public List<String> addresses(String name) {
        return addressFields(name).stream().flatMap(List::stream).toList();
    }

    @Override
    public List<List<String>> addressFields(String name) {
        List<List<String>> out = new ArrayList<>();
        for (String v : raw(name)) {
            List<String> field = new ArrayList<>();
            for (Mailbox m : LenientAddressParser.DEFAULT.parseAddressList(v).flatten()) {
                field.add(m.getDomain() == null ? m.getLocalPart() : m.getLocalPart() + "@" + m.getDomain());
            }
            out.add(field);
        }
        return out;
    }

    /** RFC 7352: how the duplicate test asks whether an identifier key was seen before; none by default. */
    public ParsedMessage withDuplicates(Predicate<String> seen) {
        this.seenBefore = seen;
        return this;
    }

    @Override
    public boolean seenBefore(String duplicateKey) {
        return seenBefore.test(duplicateKey);
    }

    @Override
    public SpamScore spamScore() {
        return SpamScore.fromHeader(fields);
    }

    @Override
    public ZonedDateTime now() {
        return now;
    }

    @Override
    public List<String> body(BodyText.Transform transform, List<String> types) {
        return BodyText.of(message, transform, types);
    }

    @Override
    public String envelopeFrom() {
        return envelopeFrom;
    }

    @Override
    public String envelopeTo() {
        return envelopeTo;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean mailboxExists(String name) {
        return mailboxExists.test(name);
    }
}
