package org.courriel.api.mailbox;

import io.swagger.v3.oas.annotations.media.Schema;

/** Creates a mailbox, or renames and (un)subscribes one. */
@Schema(description = "A mailbox to create, or the changes to one")
public record MailboxRequest(
        @Schema(description = "Full name, '/' separating levels; missing parents are created",
                example = "Projects/2026") String name,
        @Schema(description = "RFC 6154 special use when creating, e.g. \\Archive", example = "\\Archive",
                nullable = true) String specialUse,
        @Schema(description = "Subscribe (true) or unsubscribe (false); unchanged when absent", nullable = true)
        Boolean subscribed) {
}
