package org.courriel.store.section;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.courriel.store.mime.MimeParsing;
import org.courriel.store.mime.HeaderSection;

/**
 * One MIME entity (a message or a body part) split into its exact header and body bytes, with the raw
 * bytes of its children when it is a multipart. Mime4j's {@link RecursionMode#M_RAW} hands each body part
 * over unparsed, so the bytes returned are exactly the stored ones; nested parts are parsed on demand.
 * The parser settings of {@link MimeParsing}, shared with {@link org.courriel.store.mime.MessageParser}, keep part numbers and sizes in step
 * with the stored BodyStructure.
 */
final class MimeEntity {

    final byte[] bytes;
    final int headerLength;
    /** Lower-case media type and subtype, defaults applied (text/plain, or message/rfc822 in a digest). */
    final String type;
    final String subtype;
    /** Lower-case Content-Transfer-Encoding, "7bit" when absent. */
    final String encoding;
    /** The charset parameter, or null. */
    final String charset;
    final List<byte[]> children;

    private MimeEntity(byte[] bytes, int headerLength, BodyDescriptor d, List<byte[]> children) {
        this.bytes = bytes;
        this.headerLength = headerLength;
        this.type = lower(d == null ? null : d.getMediaType(), "text");
        this.subtype = lower(d == null ? null : d.getSubType(), "plain");
        this.encoding = lower(d == null ? null : d.getTransferEncoding(), "7bit");
        this.charset = d == null ? null : d.getCharset();
        this.children = children;
    }

    /**
     * Parses an entity. {@code parentType} is the parent multipart's "type/subtype" (it sets the default
     * content type: message/rfc822 inside multipart/digest, RFC 2046 §5.1.5), or null for a message.
     */
    static MimeEntity parse(byte[] bytes, String parentType) {
        MimeTokenStream stream = new MimeTokenStream(MimeParsing.CONFIG, DecodeMonitor.SILENT,
                new DefaultBodyDescriptorBuilder(parentType));
        stream.setRecursionMode(RecursionMode.M_RAW);
        stream.parse(new ByteArrayInputStream(bytes));
        BodyDescriptor descriptor = null;
        byte[] body = null;
        List<byte[]> children = new ArrayList<>();
        boolean multipart = false;
        // M_RAW gives no descriptor for a message/rfc822 entity: the fields are read into one here.
        DefaultBodyDescriptorBuilder fields = new DefaultBodyDescriptorBuilder(parentType);
        try {
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                switch (s) {
                    case T_FIELD -> addField(fields, stream.getField());
                    case T_START_MULTIPART -> {
                        descriptor = stream.getBodyDescriptor();
                        multipart = true;
                    }
                    case T_RAW_ENTITY -> {
                        byte[] raw = stream.getInputStream().readAllBytes();
                        if (multipart) {
                            children.add(raw);
                        } else {
                            // M_RAW hands over a message/rfc822 body unparsed, as a raw entity
                            descriptor = fields.build();
                            body = raw;
                        }
                    }
                    case T_BODY -> {
                        descriptor = stream.getBodyDescriptor();
                        body = stream.getInputStream().readAllBytes();
                    }
                    default -> {
                        // header fields, preamble and epilogue are not parts
                    }
                }
            }
        } catch (IOException | MimeException | RuntimeException e) {
            // Odd MIME never fails a fetch: what was read so far stands.
        }
        int headerLength = body != null && isSuffix(body, bytes) ? bytes.length - body.length
                : HeaderSection.length(bytes);
        return new MimeEntity(bytes, headerLength, descriptor, List.copyOf(children));
    }

    private static void addField(DefaultBodyDescriptorBuilder builder, Field field) {
        try {
            builder.addField(field instanceof RawField raw ? raw : new RawField(field.getName(), field.getBody()));
        } catch (MimeException | RuntimeException e) {
            // a field the descriptor cannot read leaves the defaults, as Mime4j itself does
        }
    }

    /**
     * Whether the body Mime4j read is the tail of the entity. It always should be; should Mime4j ever skip
     * bytes, the header is taken to end at the first empty line instead, so that header and body stay exact.
     */
    private static boolean isSuffix(byte[] body, byte[] bytes) {
        int offset = bytes.length - body.length;
        return offset >= 0 && java.util.Arrays.equals(bytes, offset, bytes.length, body, 0, body.length);
    }

    boolean isMultipart() {
        return "multipart".equals(type);
    }

    /** message/rfc822 and message/global carry an encapsulated message (RFC 9051 §6.4.5.1). */
    boolean isMessage() {
        return "message".equals(type) && ("rfc822".equals(subtype) || "global".equals(subtype));
    }

    String mimeType() {
        return type + "/" + subtype;
    }

    byte[] header() {
        return java.util.Arrays.copyOfRange(bytes, 0, headerLength);
    }

    byte[] body() {
        return java.util.Arrays.copyOfRange(bytes, headerLength, bytes.length);
    }

    int bodyLength() {
        return bytes.length - headerLength;
    }

    /** Whether {@link #decodedBody()} knows this entity's transfer encoding (RFC 2045 §6.1). */
    boolean knownEncoding() {
        return switch (encoding) {
            case "7bit", "8bit", "binary", "base64", "quoted-printable" -> true;
            default -> false;
        };
    }

    /** The body with its transfer encoding undone; unknown encodings leave the body as it is. */
    byte[] decodedBody() {
        byte[] body = body();
        try {
            return switch (encoding) {
                case "base64" -> new Base64InputStream(new ByteArrayInputStream(body), DecodeMonitor.SILENT)
                        .readAllBytes();
                case "quoted-printable" -> new QuotedPrintableInputStream(new ByteArrayInputStream(body),
                        DecodeMonitor.SILENT).readAllBytes();
                default -> body;
            };
        } catch (IOException e) {
            return body;
        }
    }

    /** The encapsulated message of a message/rfc822 part, transfer encoding undone. */
    MimeEntity encapsulated() {
        return parse(decodedBody(), null);
    }

    private static String lower(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.toLowerCase(Locale.ROOT);
    }
}
