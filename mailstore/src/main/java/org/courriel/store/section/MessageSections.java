package org.courriel.store.section;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.james.mime4j.util.CharsetUtil;
import org.courriel.store.mime.HeaderSection;

/**
 * Extracts parts of a message by IMAP section (RFC 9051 §6.4.5.1, BODY[section]) and decodes them
 * (RFC 3516 BINARY, RFC 9051 §6.4.5 BINARY and BINARY.SIZE; the REST API's attachment download and text view).
 * Pure functions over the stored bytes; they never throw on odd MIME.
 *
 * <p>Part numbers agree with the BodyStructure tree of {@link org.courriel.store.mime.MessageParser}: the parts
 * of a multipart are numbered from 1 in order; a message that is not multipart has only part 1, its body; the
 * parts of a message/rfc822 (or message/global) part N are numbered inside the encapsulated message (N.1, N.2 ...,
 * or N.1 alone for its body when it is not multipart), and N.HEADER, N.TEXT and N.HEADER.FIELDS refer to the
 * encapsulated message. A part that does not exist gives an empty result (RFC 9051 §6.4.5: a non-existent
 * section is returned as an empty string).
 */
public final class MessageSections {

    private MessageSections() {
    }

    /**
     * The raw bytes of a section, still transfer-encoded, exactly as {@code BODY[section]} returns them.
     * An empty result stands for a part that does not exist, a HEADER or TEXT of a part that is not a message,
     * or MIME without a part number. For HEADER, HEADER.FIELDS and HEADER.FIELDS.NOT without a part number,
     * {@code message} may be the stored header section alone: the result is the same.
     */
    public static byte[] extract(byte[] message, SectionSpec spec) {
        int[] part = spec.part();
        if (part.length == 0) {
            return ofTopLevel(message, spec);
        }
        MimeEntity target = locate(MimeEntity.parse(message, null), part);
        if (target == null) {
            return new byte[0];
        }
        return switch (spec.text()) {
            case NONE -> target.body();
            case MIME -> target.header();
            // RFC 9051 §6.4.5.1: HEADER and TEXT after a part number need a MESSAGE/RFC822 or MESSAGE/GLOBAL part.
            default -> target.isMessage() ? ofMessage(target.encapsulated(), spec) : new byte[0];
        };
    }

    /**
     * The section with its Content-Transfer-Encoding undone, as {@code BINARY[part]} returns it and as an
     * attachment is downloaded. An empty {@code part} gives the whole message unchanged; a multipart or
     * message part gives its raw body (RFC 9051 allows BINARY on leaf parts only: callers that must refuse
     * other parts check the BodyStructure); a missing part gives an empty array.
     *
     * @throws UnknownTransferEncodingException when the part's encoding is none of 7bit, 8bit, binary, base64
     *                                          and quoted-printable (IMAP: {@code NO [UNKNOWN-CTE]}, RFC 3516 §4.3)
     */
    public static byte[] decoded(byte[] message, int[] part) throws UnknownTransferEncodingException {
        if (part.length == 0) {
            return message.clone();
        }
        MimeEntity target = locate(MimeEntity.parse(message, null), part);
        if (target == null) {
            return new byte[0];
        }
        if (target.isMultipart() || target.isMessage()) {
            return target.body();
        }
        if (!target.knownEncoding()) {
            throw new UnknownTransferEncodingException(target.encoding);
        }
        return target.decodedBody();
    }

    /**
     * The length of {@link #decoded(byte[], int[])}: {@code BINARY.SIZE[part]} (RFC 9051 §6.4.5).
     *
     * @throws UnknownTransferEncodingException as {@link #decoded(byte[], int[])}
     */
    public static long decodedSize(byte[] message, int[] part) throws UnknownTransferEncodingException {
        return decoded(message, part).length;
    }

    /**
     * The text of a part for display: transfer encoding undone and the charset parameter applied (us-ascii
     * when absent, RFC 2045 §5.2, read as UTF-8 since 8-bit text often goes unlabelled; an unknown charset
     * also falls back to UTF-8, bad bytes becoming U+FFFD). A part in an unknown transfer encoding is shown
     * as it is. A missing part gives the empty string. For HTML, the caller sanitises.
     */
    public static String text(byte[] message, int[] part) {
        MimeEntity top = MimeEntity.parse(message, null);
        MimeEntity target = part.length == 0 ? top : locate(top, part);
        if (target == null) {
            return "";
        }
        byte[] bytes = target.isMultipart() ? target.body() : target.decodedBody();
        return new String(bytes, charset(target.charset));
    }

    /**
     * The partial {@code <origin.length>} of a fetched section (RFC 9051 §6.4.5): the octets from {@code origin}
     * on, at most {@code length} of them; empty when {@code origin} is past the end.
     */
    public static byte[] partial(byte[] section, long origin, long length) {
        if (origin >= section.length || length <= 0) {
            return new byte[0];
        }
        long end = Math.min(section.length, origin + Math.min(length, Long.MAX_VALUE - origin));
        return Arrays.copyOfRange(section, (int) origin, (int) end);
    }

    /**
     * A section of the top-level message, found without parsing MIME: the header ends at the first empty line
     * ({@link HeaderSection}, as the store splits it). So HEADER, HEADER.FIELDS and HEADER.FIELDS.NOT give the
     * same bytes from the stored header section alone ({@code MessageService.header}) as from the whole message,
     * which spares a client's header sync from reading message bodies.
     */
    private static byte[] ofTopLevel(byte[] message, SectionSpec spec) {
        int headerLength = HeaderSection.length(message);
        return switch (spec.text()) {
            case NONE -> message.clone();
            case HEADER -> Arrays.copyOf(message, headerLength);
            case HEADER_FIELDS -> HeaderFields.select(message, headerLength, spec.fieldNames(), false);
            case HEADER_FIELDS_NOT ->
                HeaderFields.select(message, headerLength, spec.fieldNames(), true);
            case TEXT -> Arrays.copyOfRange(message, headerLength, message.length);
            case MIME -> new byte[0];
        };
    }

    /** HEADER, HEADER.FIELDS(.NOT), TEXT or the whole of a message (the top one or an encapsulated one). */
    private static byte[] ofMessage(MimeEntity message, SectionSpec spec) {
        return switch (spec.text()) {
            case NONE -> message.bytes.clone();
            case HEADER -> message.header();
            case HEADER_FIELDS -> HeaderFields.select(message.header(), spec.fieldNames(), false);
            case HEADER_FIELDS_NOT -> HeaderFields.select(message.header(), spec.fieldNames(), true);
            case TEXT -> message.body();
            case MIME -> new byte[0];
        };
    }

    /**
     * The entity a part number names (RFC 9051 §6.4.5.1), or null. {@code messageLevel} is true while the
     * current entity is a message (the top one or an encapsulated one), whose only part is 1 when it is not
     * multipart: that part is the message itself, its header serving as the part's MIME header.
     */
    static MimeEntity locate(MimeEntity top, int[] part) {
        MimeEntity current = top;
        boolean messageLevel = true;
        for (int i = 0; i < part.length; i++) {
            int n = part[i];
            if (current.isMultipart()) {
                if (n < 1 || n > current.children.size()) {
                    return null;
                }
                current = MimeEntity.parse(current.children.get(n - 1), current.mimeType());
            } else if (!(messageLevel && n == 1)) {
                return null;
            }
            messageLevel = false;
            if (i + 1 < part.length && current.isMessage()) {
                current = current.encapsulated();
                messageLevel = true;
            }
        }
        return current;
    }

    private static Charset charset(String name) {
        if (name == null || name.equalsIgnoreCase("us-ascii")) {
            return StandardCharsets.UTF_8;
        }
        Charset charset = CharsetUtil.lookup(name);
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }
}
