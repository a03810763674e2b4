package org.courriel.store.message;

import java.time.Instant;

import org.courriel.store.mime.MessageSummary;

/**
 * A message as read from a mailbox. {@code summary} and {@code header} are present only when the read asked
 * for them ({@link MessageFields}), so a flags-only scan never touches the content table.
 */
public record MessageRecord(
        long uid,
        long modseq,
        Flags flags,
        Instant internalDate,
        long size,
        long contentId,
        MessageSummary summary,
        byte[] header) {
}
