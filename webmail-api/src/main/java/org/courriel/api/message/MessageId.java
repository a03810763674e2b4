package org.courriel.api.message;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Optional;

/**
 * The id of a message in URLs: its mailbox id, the mailbox's UIDVALIDITY and its UID, as unsigned varints
 * in URL-safe base64 without padding (e.g. {@code AbCdEf}). Stable as long as the message stays in its
 * mailbox (IMAP's identity, RFC 9051 §2.3.1.1), opaque to clients, and always checked against the caller's
 * account: an id of another account's message, or of a mailbox since recreated, answers 404.
 */
public record MessageId(long mailboxId, long uidValidity, long uid) {

    private static final byte VERSION = 1;
    /** Longest valid encoding: a version byte and three varints of at most 10 bytes, in base64. */
    private static final int MAX_LENGTH = 44;

    public MessageId {
        if (mailboxId < 0 || uidValidity < 0 || uid < 1) {
            throw new IllegalArgumentException("not a message identity: " + mailboxId + "/" + uidValidity + "/" + uid);
        }
    }

    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        out.write(VERSION);
        writeVarint(out, mailboxId);
        writeVarint(out, uidValidity);
        writeVarint(out, uid);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** The id encoded by {@link #encode()}; empty for anything else (a client's typo is a 404, not a 400). */
    public static Optional<MessageId> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < 4 || bytes[0] != VERSION) {
            return Optional.empty();
        }
        int[] pos = {1};
        long mailbox = readVarint(bytes, pos);
        long validity = readVarint(bytes, pos);
        long uid = readVarint(bytes, pos);
        if (mailbox < 0 || validity < 0 || uid < 1 || pos[0] != bytes.length) {
            return Optional.empty();
        }
        MessageId id = new MessageId(mailbox, validity, uid);
        // one spelling per id: reject non-canonical encodings (padding bits, over-long varints)
        return id.encode().equals(text) ? Optional.of(id) : Optional.empty();
    }

    @Override
    public String toString() {
        return encode();
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** A varint at {@code pos[0]}, advancing it; -1 when truncated or longer than 63 bits. */
    private static long readVarint(byte[] bytes, int[] pos) {
        long result = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (pos[0] >= bytes.length) {
                return -1;
            }
            byte b = bytes[pos[0]++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        return -1;
    }
}
