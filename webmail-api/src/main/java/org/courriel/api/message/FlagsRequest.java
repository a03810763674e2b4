package org.courriel.api.message;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A change of flags (IMAP STORE, RFC 9051 §6.4.6): flags to add, flags to remove, or all flags to set. */
@Schema(description = "Flags and keywords to add, remove or set; system flags in IMAP spelling (\\Seen, \\Answered, "
        + "\\Flagged, \\Deleted, \\Draft), anything else is a keyword")
public record FlagsRequest(
        @Schema(description = "Flags to add", example = "[\"\\\\Seen\", \"$Important\"]", nullable = true)
        List<String> add,
        @Schema(description = "Flags to remove", example = "[\"\\\\Flagged\"]", nullable = true) List<String> remove,
        @Schema(description = "All the flags the message should have (instead of add and remove)", nullable = true)
        List<String> set,
        @Schema(description = "Apply only if the message's MODSEQ is still at most this value (RFC 7162 "
                + "UNCHANGEDSINCE); 409 otherwise", example = "5", nullable = true) Long unchangedSince) {
}
