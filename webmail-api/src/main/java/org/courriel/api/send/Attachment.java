package org.courriel.api.send;

/** A file to attach: its name, media type and bytes. */
public record Attachment(String fileName, String contentType, byte[] content) {
}
