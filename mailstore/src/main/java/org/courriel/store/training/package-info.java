/**
 * The spam training outbox: a user's own classification of a message, recorded for the spam filter to learn.
 * <p>
 * <b>Recording.</b> {@link org.courriel.store.training.TrainingOutbox} is called by
 * {@link org.courriel.store.message.MessageService} inside the group-commit unit of the change itself (APPEND,
 * COPY, MOVE, STORE of flags), so a classification commits with the change or not at all, from any node and any
 * protocol (IMAP, REST). Into a mailbox with {@code \Junk} special use (or named Junk), or {@code $Junk} added:
 * spam. Out of Junk into any mailbox but Trash, or {@code $NotJunk} added: ham (RFC 5788 registers both
 * keywords; Thunderbird and Apple Mail set them). Deliveries teach nothing: a message the filter itself sent to
 * Junk is its own verdict. With learning off ({@code courriel.spam.rspamd.learn.enabled=false}, or no
 * {@code courriel.spam.rspamd.url}) the hook returns at once, before any SQL.
 * <p>
 * <b>Storage.</b> {@code spam_training} (migration V78): one row per classification, holding one reference on the
 * message's {@code content} row until the row is deleted (sent, dropped, or its account gone), so an expunge
 * meanwhile does not lose the bytes. A second classification of the same message by the same account while the
 * first is unclaimed replaces it (the last word counts); while it is claimed, a new row is added.
 * <p>
 * <b>Claims.</b> A worker (the mta's) claims due rows with {@code SELECT ... FOR UPDATE SKIP LOCKED} and a lease,
 * in a short transaction of its own, so two nodes never hold the same row; a node that dies loses its claims
 * when the lease ends. A row is deleted once learned, or rescheduled with its error.
 */
package org.courriel.store.training;
