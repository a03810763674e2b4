package org.courriel.api.send;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MessageBuilder;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.RawField;

/**
 * Builds the MIME message of a send request with Apache James Mime4j's DOM builders (RFC 5322 header,
 * RFC 2045-2049 structure): text and HTML as a multipart/alternative, attachments in a multipart/mixed,
 * text parts in UTF-8 quoted-printable and attachments in base64 so the result is 7-bit clean; Message-ID
 * and Date added. Bcc recipients never appear. Pure: the same input gives the same bytes but for the
 * generated Message-ID and boundaries.
 */
public final class MessageComposer {

    /** What to compose; the addresses are already checked. */
    public record Draft(Mailbox from, List<Mailbox> to, List<Mailbox> cc, String subject, String text, String html,
            String inReplyTo, List<Attachment> attachments, Instant date) {
    }

    /** The composed message and its Message-ID. */
    public record Composed(byte[] bytes, String messageId) {
    }

    private MessageComposer() {
    }

    public static Composed compose(Draft draft) {
        try {
            MessageBuilder message = MessageBuilder.create()
                    .setFrom(draft.from())
                    .setDate(Date.from(draft.date()))
                    .setMessageId("<" + UUID.randomUUID() + "@" + draft.from().getDomain() + ">");
            if (!draft.to().isEmpty()) {
                message.setTo(draft.to());
            }
            if (!draft.cc().isEmpty()) {
                message.setCc(draft.cc());
            }
            if (draft.subject() != null) {
                message.setSubject(draft.subject());
            }
            if (draft.inReplyTo() != null) {
                // RFC 5322 §3.6.4: a reply names its parent in In-Reply-To and References
                message.setField(new RawField("In-Reply-To", draft.inReplyTo()));
                message.setField(new RawField("References", draft.inReplyTo()));
            }
            if (draft.attachments().isEmpty()) {
                setContent(message, draft);
            } else {
                MultipartBuilder mixed = MultipartBuilder.create("mixed");
                mixed.addBodyPart(contentPart(draft));
                for (Attachment a : draft.attachments()) {
                    mixed.addBodyPart(BodyPartBuilder.create()
                            .setBody(a.content(), a.contentType())
                            .setField(new RawField("Content-Type", AttachmentHeaders.contentType(a.contentType(), a.fileName())))
                            .setContentTransferEncoding("base64")
                            .setField(new RawField("Content-Disposition", AttachmentHeaders.contentDisposition(a.fileName()))));
                }
                message.setBody(mixed.build());
            }
            Message built = message.build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DefaultMessageWriter().writeMessage(built, out);
            return new Composed(out.toByteArray(), built.getMessageId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setContent(MessageBuilder message, Draft draft) throws IOException {
        if (draft.text() != null && draft.html() != null) {
            message.setBody(alternative(draft));
        } else if (draft.html() != null) {
            message.setBody(lines(draft.html()), "html", StandardCharsets.UTF_8).setContentTransferEncoding("quoted-printable");
        } else {
            message.setBody(text(draft), "plain", StandardCharsets.UTF_8).setContentTransferEncoding("quoted-printable");
        }
    }

    private static BodyPartBuilder contentPart(Draft draft) throws IOException {
        if (draft.text() != null && draft.html() != null) {
            return BodyPartBuilder.create().setBody(alternative(draft));
        }
        if (draft.html() != null) {
            return BodyPartBuilder.create().setBody(lines(draft.html()), "html", StandardCharsets.UTF_8)
                    .setContentTransferEncoding("quoted-printable");
        }
        return BodyPartBuilder.create().setBody(text(draft), "plain", StandardCharsets.UTF_8)
                .setContentTransferEncoding("quoted-printable");
    }

    /** RFC 2046 §5.1.4: the plainest first, the preferred last. */
    private static org.apache.james.mime4j.dom.Multipart alternative(Draft draft) throws IOException {
        return MultipartBuilder.create("alternative")
                .addBodyPart(BodyPartBuilder.create().setBody(lines(draft.text()), "plain", StandardCharsets.UTF_8)
                        .setContentTransferEncoding("quoted-printable"))
                .addBodyPart(BodyPartBuilder.create().setBody(lines(draft.html()), "html", StandardCharsets.UTF_8)
                        .setContentTransferEncoding("quoted-printable"))
                .build();
    }

    private static String text(Draft draft) {
        return lines(draft.text() == null ? "" : draft.text());
    }

    /**
     * RFC 5322 §2.3: lines end in CRLF, bare CR and LF do not occur; and the body ends with a line end, so
     * that SMTP's end-of-data (RFC 5321 §4.1.1.4) follows a complete line.
     */
    static String lines(String text) {
        String crlf = text.replaceAll("\r\n|\r|\n", "\r\n");
        return crlf.isEmpty() || crlf.endsWith("\r\n") ? crlf : crlf + "\r\n";
    }
}
