package org.courriel.store.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.courriel.store.mime.HeaderSection;
import org.courriel.store.mime.MessageParser;
import org.courriel.store.mime.MessageSummary;
import org.courriel.store.preview.MessagePreview;

/**
 * A message's bytes made ready for the store: its SHA-256, where its header ends, its summary and its preview
 * (RFC 8970, {@link MessagePreview}). Built on the caller's thread ({@link #of(byte[])}) so that parsing and
 * encoding never hold the group commit.
 */
public record MessageContent(byte[] bytes, String sha256, int headerLength, MessageSummary summary, String summaryJson,
        String preview) {

    /** The content with the summary's header fields cut to the default bound. */
    public static MessageContent of(byte[] bytes) {
        return of(bytes, MessageParser.DEFAULT_MAX_FIELD);
    }

    /**
     * The content with each header field in the summary cut to {@code maxSummaryField} bytes (courriel.store.*);
     * an empty line is inserted where the header section ends without one ({@link HeaderSection#terminated}).
     */
    public static MessageContent of(byte[] message, int maxSummaryField) {
        // RFC 5322 §2.2: the header section ends at the first line that is not a field; make that explicit
        byte[] bytes = HeaderSection.terminated(message);
        MessageSummary summary = MessageParser.parse(bytes, maxSummaryField);
        return new MessageContent(bytes, sha256(bytes), HeaderSection.length(bytes), summary, SummaryCodec.encode(summary),
                MessagePreview.of(bytes));
    }

    public long size() {
        return bytes.length;
    }

    public byte[] header() {
        return Arrays.copyOfRange(bytes, 0, headerLength);
    }

    public byte[] body() {
        return Arrays.copyOfRange(bytes, headerLength, bytes.length);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
