package org.courriel.api.message;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One message for reading. The HTML part is returned as data, unchanged: the client renders it in a
 * sandbox of its choosing (no script, no remote content without the user's consent).
 */
@Schema(description = "A message with its headers, decoded text and HTML, and attachment list")
public record MessageDetail(
        @Schema(description = "Opaque id of the message in URLs", example = "AQyA0rK1BgE") String id,
        @Schema(description = "Mailbox id", example = "12") long mailboxId,
        @Schema(description = "IMAP UID", example = "1") long uid,
        @Schema(description = "IMAP MODSEQ of the last change", example = "5") long modseq,
        @Schema(description = "Decoded subject", nullable = true) String subject,
        List<AddressView> from,
        List<AddressView> to,
        List<AddressView> cc,
        List<AddressView> replyTo,
        @Schema(description = "The Date header", nullable = true) Instant date,
        @Schema(description = "When the message arrived") Instant receivedAt,
        @Schema(description = "Message-ID header", example = "<1234@example.org>", nullable = true) String messageId,
        @Schema(description = "In-Reply-To header", nullable = true) String inReplyTo,
        @Schema(description = "Size in bytes") long size,
        @Schema(description = "System flags and keywords, IMAP spelling") List<String> flags,
        @Schema(description = "Every header field in order, encoded words decoded") List<Header> headers,
        @Schema(description = "The text/plain part decoded to UTF-8, null when there is none", nullable = true)
        String text,
        @Schema(description = "The text/html part decoded to UTF-8, as data (never sanitised nor rendered here)",
                nullable = true) String html,
        List<AttachmentView> attachments) {

    /** One header field. */
    @Schema(description = "A header field")
    public record Header(@Schema(example = "Subject") String name, @Schema(example = "Minutes") String value) {
    }

    /** A part to download. */
    @Schema(description = "An attachment; download it at /api/v1/messages/{id}/attachments/{partId}")
    public record AttachmentView(
            @Schema(description = "IMAP part number", example = "2") String partId,
            @Schema(description = "Media type", example = "application/pdf") String contentType,
            @Schema(description = "File name, decoded", example = "report.pdf", nullable = true) String filename,
            @Schema(description = "Size in bytes once decoded", example = "48213") long size,
            @Schema(description = "Content-ID, for cid: references from the HTML part", nullable = true)
            String contentId,
            @Schema(description = "inline or attachment", example = "attachment", nullable = true) String disposition) {
    }
}
