package org.courriel.api.send;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What became of a message sent: accepted for good (stored locally and queued for relay), with its Sent copy. */
@Schema(description = "A message accepted for delivery")
public record SendResult(
        @Schema(description = "The Message-ID header of the message", example = "<Mime4j.1.abc@example.org>")
        String messageId,
        @Schema(description = "Opaque id of the copy in the Sent mailbox", example = "AQyA0rK1BgE") String sentId,
        @Schema(description = "Recipients stored in local mailboxes") List<String> delivered,
        @Schema(description = "Recipients queued for relay to other servers") List<String> queued) {
}
