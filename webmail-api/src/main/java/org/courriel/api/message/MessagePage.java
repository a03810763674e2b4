package org.courriel.api.message;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of a mailbox listing. */
@Schema(description = "A page of messages")
public record MessagePage(
        List<MessageItem> messages,
        @Schema(description = "Page number, from 0", example = "0") int page,
        @Schema(description = "Page size asked", example = "50") int size,
        @Schema(description = "Messages matching the filters in all pages", example = "42") long total) {
}
