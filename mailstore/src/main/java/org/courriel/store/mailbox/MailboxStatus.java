package org.courriel.store.mailbox;

/** The counters STATUS (RFC 9051 §6.3.11) and the REST listing report. */
public record MailboxStatus(long messages, long unseen, long deleted, long size, long uidNext, long uidValidity,
        long highestModseq) {
}
