package org.courriel.api.message;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where a message is (after a move or copy), or what became of it (after a delete). */
@Schema(description = "A message's id and place")
public record MessageRef(
        @Schema(description = "Opaque id of the message in URLs", example = "AQyA0rK1BgE", nullable = true) String id,
        @Schema(description = "Mailbox id", example = "14") long mailboxId,
        @Schema(description = "IMAP UID in that mailbox", example = "7") long uid,
        @Schema(description = "True when the message was expunged rather than moved") boolean expunged) {
}
