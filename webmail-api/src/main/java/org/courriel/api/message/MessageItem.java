package org.courriel.api.message;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message as a listing shows it. */
@Schema(description = "A message in a listing")
public record MessageItem(
        @Schema(description = "Opaque id of the message in URLs", example = "AQyA0rK1BgE") String id,
        @Schema(description = "Mailbox id", example = "12") long mailboxId,
        @Schema(description = "IMAP UID", example = "1") long uid,
        @Schema(description = "IMAP MODSEQ (RFC 7162) of the last change", example = "5") long modseq,
        @Schema(description = "Decoded subject", example = "Minutes of Monday", nullable = true) String subject,
        List<AddressView> from,
        List<AddressView> to,
        @Schema(description = "The Date header, null when absent or unreadable", nullable = true) Instant date,
        @Schema(description = "When the message arrived (IMAP internal date)") Instant receivedAt,
        @Schema(description = "Size in bytes", example = "2048") long size,
        @Schema(description = "System flags and keywords, IMAP spelling", example = "[\"\\\\Seen\", \"$Label1\"]")
        List<String> flags,
        @Schema(description = "Whether an attachment is present") boolean hasAttachment) {
}
