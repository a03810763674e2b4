package org.courriel.api.send;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message to send, as JSON (alone, or as the "message" part of a multipart upload with attachments). */
@Schema(description = "A message to send; give text, html or both")
public record SendRequest(
        @Schema(description = "The From address: the account's own or an alias of it; the account's address when "
                + "absent. A display name may be given as \"Name <address>\"",
                example = "Bob Martin <bob@example.org>", nullable = true) String from,
        @Schema(description = "Recipients in To", example = "[\"alice@example.com\"]", nullable = true) List<String> to,
        @Schema(description = "Recipients in Cc", nullable = true) List<String> cc,
        @Schema(description = "Blind copies: delivered, never written in the message", nullable = true) List<String> bcc,
        @Schema(description = "Subject", example = "Minutes of Monday", nullable = true) String subject,
        @Schema(description = "Plain text body", example = "Hello Alice,\n\nthe minutes are attached.", nullable = true)
        String text,
        @Schema(description = "HTML body", example = "<p>Hello Alice,</p>", nullable = true) String html,
        @Schema(description = "Message-ID this message replies to (sets In-Reply-To and References)",
                example = "<1234@example.com>", nullable = true) String inReplyTo) {
}
