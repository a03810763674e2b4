package org.courriel.store.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a {@link MessageSummary} from a message's bytes with Apache James Mime4j's streaming parser.
 * It never refuses a message: whatever Mime4j cannot make sense of becomes a best-effort summary
 * (at worst one text/plain part covering the whole body), because a mail server stores what it accepted.
 *
 * <p>The message bytes stay as they are, but no header field goes into the summary past a bound
 * ({@code maxField}, in bytes of the raw value): RFC 5322 §2.1.1 allows 998 octets a line, yet anyone can
 * deliver a 40 MB Subject, which every ENVELOPE, sort and summary read would otherwise copy. A longer value
 * is cut at a character boundary; a cut address list keeps the addresses that fit.
 */
public final class MessageParser {

    private static final Logger log = LoggerFactory.getLogger(MessageParser.class);

    /** Encapsulated messages nested deeper than this are summarised as opaque parts. */
    static final int MAX_DEPTH = 32;

    /** The default bound of one header field's value in a summary (courriel.store.max-summary-field-size). */
    public static final int DEFAULT_MAX_FIELD = 16 * 1024;

    private MessageParser() {
    }

    public static MessageSummary parse(byte[] message) {
        return parse(message, DEFAULT_MAX_FIELD);
    }

    /** The summary of {@code message}, each header field's value cut to at most {@code maxField} bytes. */
    public static MessageSummary parse(byte[] message, int maxField) {
        try {
            return summarise(message, maxField);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            log.warn("Unparseable message of {} bytes kept with a minimal summary: {}", message.length, e.toString());
            return fallback(message);
        }
    }

    /**
     * The summary without the fallback: an {@link IOException} when the bytes hold no entity at all; any other
     * exception is a bug that {@link #parse} hides behind a minimal summary, so the fuzz test calls this.
     */
    static MessageSummary summarise(byte[] message, int maxField) throws IOException {
        Parsed parsed = parse(message, 0, maxField);
        Envelope env = parsed.envelope;
        return new MessageSummary(env, parsed.body, parsed.sentDate, decode(env.subject()),
                firstAddress(env.from()), firstAddress(env.to()));
    }

    private record Parsed(Envelope envelope, BodyStructure body, Instant sentDate) {
    }

    /** One entity (message or body part) while its children are being read. */
    private static final class Node {
        MaximalBodyDescriptor descriptor;
        /** Parameter names of Content-Type and Content-Disposition as the header orders them. */
        final List<String> parameterOrder = new ArrayList<>();
        final List<BodyStructure> children = new ArrayList<>();
        BodyStructure leaf;
    }

    private static Parsed parse(byte[] message, int depth, int maxField) throws IOException {
        MimeTokenStream stream = new MimeTokenStream(MimeParsing.CONFIG, DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parse(new ByteArrayInputStream(message));
        Map<String, String> topFields = new HashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        BodyStructure root = null;
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MESSAGE, T_START_BODYPART -> stack.push(new Node());
                    case T_FIELD -> {
                        if (stack.size() == 1) {
                            collectTopField(stream.getField(), topFields, maxField);
                        }
                        collectParameterOrder(stream.getField(), stack.peek().parameterOrder);
                    }
                    case T_START_MULTIPART -> stack.peek().descriptor = descriptor(stream);
                    case T_BODY -> {
                        Node node = stack.peek();
                        node.descriptor = descriptor(stream);
                        node.leaf = leaf(node.descriptor, stream.getInputStream(), depth, node.parameterOrder, maxField);
                    }
                    case T_END_MESSAGE, T_END_BODYPART -> {
                        Node done = stack.pop();
                        BodyStructure part = done.leaf != null ? done.leaf : multipart(done, maxField);
                        if (stack.isEmpty()) {
                            root = part;
                        } else {
                            stack.peek().children.add(part);
                        }
                    }
                    default -> {
                        // preamble, epilogue, header start and end carry nothing a summary needs
                    }
                }
            }
        } catch (org.apache.james.mime4j.MimeException e) {
            throw new IOException(e);
        }
        if (root == null) {
            throw new IOException("no entity found");
        }
        Envelope envelope = envelope(topFields);
        return new Parsed(envelope, root, parseDate(topFields.get("date")));
    }

    private static MaximalBodyDescriptor descriptor(MimeTokenStream stream) {
        return (MaximalBodyDescriptor) stream.getBodyDescriptor();
    }

    private static BodyStructure leaf(MaximalBodyDescriptor d, InputStream raw, int depth, List<String> order,
            int maxField) throws IOException {
        byte[] body = raw.readAllBytes();
        String type = lower(d.getMediaType(), "text");
        String subtype = lower(d.getSubType(), "plain");
        BodyStructure.EncapsulatedMessage message = null;
        if ("message".equals(type) && ("rfc822".equals(subtype) || "global".equals(subtype)) && depth < MAX_DEPTH) {
            Parsed inner = parse(decodeTransfer(body, d.getTransferEncoding()), depth + 1, maxField);
            message = new BodyStructure.EncapsulatedMessage(inner.envelope, inner.body);
        }
        boolean counted = "text".equals(type) || message != null;
        return structure(d, type, subtype, body.length, counted ? lines(body) : 0, List.of(), message, order, maxField);
    }

    private static BodyStructure multipart(Node node, int maxField) {
        MaximalBodyDescriptor d = node.descriptor;
        return structure(d, "multipart", lower(d.getSubType(), "mixed"), 0, 0, List.copyOf(node.children), null,
                node.parameterOrder, maxField);
    }

    private static BodyStructure structure(MaximalBodyDescriptor d, String type, String subtype, long size,
            long lines, List<BodyStructure> parts, BodyStructure.EncapsulatedMessage message, List<String> order,
            int maxField) {
        List<BodyStructure.Parameter> params = parameters(d.getContentTypeParameters(), order, maxField);
        // RFC 2045 §5.2: a text part without a charset is us-ascii; IMAP servers report the default explicitly.
        if ("text".equals(type) && params.stream().noneMatch(p -> p.name().equals("charset"))) {
            params = new ArrayList<>(params);
            params.add(new BodyStructure.Parameter("charset", "us-ascii"));
            params = List.copyOf(params);
        }
        BodyStructure.Disposition disposition = d.getContentDispositionType() == null ? null
                : new BodyStructure.Disposition(d.getContentDispositionType().toLowerCase(Locale.ROOT),
                        parameters(d.getContentDispositionParameters(), order, maxField));
        List<String> language = d.getContentLanguage() == null ? List.of()
                : d.getContentLanguage().stream().limit(maxField / 8 + 1).map(l -> cut(l, maxField)).toList();
        String encoding = d.getTransferEncoding() == null ? "7BIT" : d.getTransferEncoding().toUpperCase(Locale.ROOT);
        return new BodyStructure(type, subtype, params, cut(d.getContentId(), maxField),
                cut(d.getContentDescription(), maxField), cut(encoding, maxField), size, lines,
                cut(d.getContentMD5Raw(), maxField), disposition, language, cut(d.getContentLocation(), maxField), parts,
                message);
    }

    private static List<BodyStructure.Parameter> parameters(Map<String, String> map, List<String> order, int maxField) {
        if (map == null || map.isEmpty()) {
            return List.of();
        }
        List<BodyStructure.Parameter> list = new ArrayList<>(map.size());
        map.forEach((k, v) -> list.add(new BodyStructure.Parameter(cut(k.toLowerCase(Locale.ROOT), maxField),
                cut(v, maxField))));
        // Mime4j keeps parameters in a hash map: put them back in header order (names it did not report last).
        list.sort(java.util.Comparator.comparingInt(p -> {
            int i = order.indexOf(p.name());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return List.copyOf(list);
    }

    private static void collectParameterOrder(Field field, List<String> order) {
        String name = field.getName().toLowerCase(Locale.ROOT);
        if (!name.equals("content-type") && !name.equals("content-disposition")) {
            return;
        }
        try {
            RawField raw = field instanceof RawField r ? r : new RawField(field.getName(), field.getBody());
            for (NameValuePair p : RawFieldParser.DEFAULT.parseRawBody(raw).getParams()) {
                String param = p.getName().toLowerCase(Locale.ROOT);
                int star = param.indexOf('*'); // RFC 2231 §3-4: name*0, name* stand for name
                order.add(star > 0 ? param.substring(0, star) : param);
            }
        } catch (RuntimeException e) {
            // the order is cosmetic: an unparseable field keeps Mime4j's
        }
    }

    private static byte[] decodeTransfer(byte[] body, String encoding) throws IOException {
        if (encoding == null) {
            return body;
        }
        return switch (encoding.toLowerCase(Locale.ROOT)) {
            case "base64" -> new Base64InputStream(new ByteArrayInputStream(body), DecodeMonitor.SILENT).readAllBytes();
            case "quoted-printable" ->
                new QuotedPrintableInputStream(new ByteArrayInputStream(body), DecodeMonitor.SILENT).readAllBytes();
            default -> body;
        };
    }

    /** Lines of a body: its line ends, plus a last line that has none. */
    static long lines(byte[] body) {
        long lines = 0;
        for (byte b : body) {
            if (b == '\n') {
                lines++;
            }
        }
        if (body.length > 0 && body[body.length - 1] != '\n') {
            lines++;
        }
        return lines;
    }

    private static final List<String> ENVELOPE_FIELDS = List.of(
            "date", "subject", "from", "sender", "reply-to", "to", "cc", "bcc", "in-reply-to", "message-id");

    private static void collectTopField(Field field, Map<String, String> fields, int maxField) {
        String name = field.getName().toLowerCase(Locale.ROOT);
        if (ENVELOPE_FIELDS.contains(name) && !fields.containsKey(name)) {
            fields.put(name, unfoldedValue(field, maxField));
        }
    }

    /**
     * The field's value as UTF-8 text (RFC 6532), at most {@code maxField} bytes of it (cut before a character
     * that would not fit whole), unfolded (RFC 5322 §2.2.3) and trimmed. Only those bytes are copied.
     */
    static String unfoldedValue(Field field, int maxField) {
        ByteSequence raw = field.getRaw();
        String text;
        if (raw != null) {
            int colon = 0;
            while (colon < raw.length() && raw.byteAt(colon) != ':') {
                colon++;
            }
            int start = Math.min(colon + 1, raw.length());
            int end = (int) Math.min(raw.length(), (long) start + maxField);
            // UTF-8 continuation bytes are 10xxxxxx: do not cut a character in two
            while (end < raw.length() && end > start && (raw.byteAt(end) & 0xc0) == 0x80) {
                end--;
            }
            byte[] value = new byte[end - start];
            for (int i = 0; i < value.length; i++) {
                value[i] = raw.byteAt(start + i);
            }
            text = new String(value, StandardCharsets.UTF_8);
        } else {
            text = cut(field.getBody(), maxField);
        }
        return withoutLineBreaks(text).strip();
    }

    /**
     * RFC 5322 §2.2.3: unfolding removes the CRLF before folding white space; a CR or LF anywhere else is not
     * kept either. Without a regular expression: this runs for every field of every message stored.
     */
    static String withoutLineBreaks(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code value} cut to at most {@code max} characters (a value Mime4j decoded), never inside a surrogate pair. */
    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    private static Envelope envelope(Map<String, String> f) {
        return new Envelope(f.get("date"), f.get("subject"),
                EnvelopeAddresses.parse(f.get("from")), EnvelopeAddresses.parse(f.get("sender")),
                EnvelopeAddresses.parse(f.get("reply-to")), EnvelopeAddresses.parse(f.get("to")),
                EnvelopeAddresses.parse(f.get("cc")), EnvelopeAddresses.parse(f.get("bcc")),
                f.get("in-reply-to"), f.get("message-id"));
    }

    private static Instant parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            DateTimeField field = DateTimeFieldLenientImpl.PARSER.parse(new RawField("Date", value), DecodeMonitor.SILENT);
            return field.getDate() == null ? null : field.getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Decodes RFC 2047 encoded words; text that is not encoded comes back unchanged. */
    public static String decode(String headerValue) {
        if (headerValue == null) {
            return null;
        }
        try {
            return DecoderUtil.decodeEncodedWords(headerValue, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return headerValue;
        }
    }

    private static String firstAddress(List<EnvelopeAddress> addresses) {
        for (EnvelopeAddress a : addresses) {
            if (a.address() != null) {
                return a.address().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String lower(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.toLowerCase(Locale.ROOT);
    }

    private static MessageSummary fallback(byte[] message) {
        int headerLength = HeaderSection.length(message);
        byte[] body = java.util.Arrays.copyOfRange(message, headerLength, message.length);
        BodyStructure text = new BodyStructure("text", "plain", List.of(new BodyStructure.Parameter("charset", "us-ascii")),
                null, null, "7BIT", body.length, lines(body), null, null, List.of(), null, List.of(), null);
        return new MessageSummary(Envelope.EMPTY, text, null, null, null, null);
    }
}
