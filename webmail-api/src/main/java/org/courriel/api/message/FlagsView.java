package org.courriel.api.message;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message's flags after a change. */
@Schema(description = "A message's flags and MODSEQ")
public record FlagsView(
        @Schema(description = "Opaque id of the message", example = "AQyA0rK1BgE") String id,
        @Schema(description = "The flags now", example = "[\"\\\\Seen\"]") List<String> flags,
        @Schema(description = "MODSEQ after the change (unchanged when nothing changed)", example = "6") long modseq) {
}
