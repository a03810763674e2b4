package org.courriel.mta.dsn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.message.BodyPartBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.message.MessageBuilder;
import org.apache.james.mime4j.message.MultipartBuilder;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.courriel.store.mime.HeaderSection;

/**
 * Builds a delivery status notification (RFC 3464 §2, inside an RFC 6522 {@code multipart/report}) with
 * Mime4j's builders: a human-readable part, the {@code message/delivery-status} part, then the original
 * message's header ({@code text/rfc822-headers}) or, with RET=FULL, the whole message ({@code message/rfc822})
 * (RFC 3461 §4.3). Mime4j does the MIME structure and boundaries; the delivery-status body is encoded by
 * {@link DeliveryStatusFields}, since Mime4j has no model of it.
 */
public final class DsnMessage {

    private DsnMessage() {
    }

    /**
     * @param reportingMta  this server's host name
     * @param to            the original envelope sender, who receives the report
     * @param envId         ENVID of the original, or null
     * @param arrival       when the original was accepted
     * @param recipients    the recipients reported on (all with the same kind of action)
     * @param original      the original message's bytes, or its header alone
     * @param fullContent   true to return the whole message (RET=FULL), false for the header only
     */
    public static byte[] build(String reportingMta, String to, String envId, Instant arrival,
            List<DsnRecipient> recipients, byte[] original, boolean fullContent) {
        try {
            DsnAction action = recipients.get(0).action();
            MultipartBuilder report = MultipartBuilder.create("report")
                    .addContentTypeParameter(new NameValuePair("report-type", "delivery-status")); // RFC 6522 §3
            report.addBodyPart(BodyPartBuilder.create()
                    .setBody(humanText(reportingMta, action, recipients), "plain", StandardCharsets.US_ASCII)
                    .setContentTransferEncoding("7bit"));
            report.addBodyPart(BodyPartBuilder.create()
                    .setBody(DeliveryStatusFields.encode(reportingMta, envId, arrival, recipients),
                            "message/delivery-status")
                    .setContentType("message/delivery-status")
                    .setContentTransferEncoding("7bit"));
            byte[] returned = fullContent ? original : headerOf(original);
            String type = fullContent ? "message/rfc822" : "text/rfc822-headers";
            report.addBodyPart(BodyPartBuilder.create()
                    .setBody(returned, type)
                    .setContentType(type)
                    .setContentTransferEncoding(isSevenBit(returned) ? "7bit" : "8bit"));
            Message message = MessageBuilder.create()
                    .setField(new RawField("From", "Mail Delivery System <MAILER-DAEMON@" + reportingMta + ">"))
                    .setField(new RawField("To", "<" + to + ">"))
                    .setSubject(subject(action))
                    .setDate(Date.from(Instant.now()))
                    .setMessageId("<" + UUID.randomUUID() + "@" + reportingMta + ">")
                    .setField(new RawField("Auto-Submitted", "auto-replied")) // RFC 3834 §5
                    .setField(new RawField("MIME-Version", "1.0"))
                    .setBody(report.build())
                    .build();
            ByteArrayOutputStream out = new ByteArrayOutputStream(returned.length + 4096);
            new DefaultMessageWriter().writeMessage(message, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a delivery status notification", e);
        }
    }

    static String subject(DsnAction action) {
        return switch (action) {
            case FAILED -> "Undelivered Mail Returned to Sender";
            case DELAYED -> "Delayed Mail (still being retried)";
            default -> "Successful Mail Delivery Report";
        };
    }

    private static String humanText(String reportingMta, DsnAction action, List<DsnRecipient> recipients) {
        StringBuilder text = new StringBuilder("This is the mail system at host ").append(reportingMta).append(".\r\n\r\n");
        text.append(switch (action) {
            case FAILED -> "Your message could not be delivered to one or more recipients. It is attached below.\r\n";
            case DELAYED -> "Your message could not be delivered yet. The mail system will keep trying until "
                    + "the date given below; you need not send it again.\r\n";
            default -> "Your message was delivered, or passed on to a system that does not report delivery.\r\n";
        });
        text.append("\r\n");
        for (DsnRecipient r : recipients) {
            text.append('<').append(DeliveryStatusFields.clean(r.finalRecipient())).append(">: ");
            text.append(r.diagnostic() == null ? r.status() : DeliveryStatusFields.clean(r.diagnostic()));
            if (r.remoteMta() != null) {
                text.append("\r\n    (reported by ").append(DeliveryStatusFields.clean(r.remoteMta())).append(')');
            }
            text.append("\r\n");
        }
        return text.toString();
    }

    /** The header section of a message, through the empty line that ends it. */
    static byte[] headerOf(byte[] message) {
        return java.util.Arrays.copyOf(message, HeaderSection.length(message));
    }

    private static boolean isSevenBit(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
