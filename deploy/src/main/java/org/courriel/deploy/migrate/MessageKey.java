package org.courriel.deploy.migrate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What makes a migrated message the same one again: its Message-ID (RFC 5322 §3.6.4; empty when it has none),
 * its size and its internal date to the second (RFC 9051 §2.3.3: INTERNALDATE has no finer precision). Two
 * different messages sharing all three in one folder are taken as one; a message without Message-ID is still
 * told apart by size and date.
 */
public record MessageKey(String messageId, long size, Instant internalDate) {

    public MessageKey {
        messageId = messageId == null ? "" : messageId.strip();
        internalDate = internalDate == null ? Instant.EPOCH : internalDate.truncatedTo(ChronoUnit.SECONDS);
    }
}
