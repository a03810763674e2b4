package org.courriel.api.message;

import io.swagger.v3.oas.annotations.media.Schema;

/** The destination of a move or copy. */
@Schema(description = "A destination mailbox")
public record MailboxTarget(
        @Schema(description = "Mailbox id or full name", example = "Archive") String mailbox) {
}
