/**
 * Learning from the users' own classification: the worker that sends the store's spam training outbox
 * ({@link org.courriel.store.training.TrainingOutbox}, where IMAP and REST moves into and out of Junk and the
 * {@code $Junk}/{@code $NotJunk} keywords are recorded with the change itself) to rspamd's controller,
 * {@code /learnspam} and {@code /learnham}.
 * <p>
 * One virtual thread per node; claims are leases on the store's rows, so several nodes share the work and never
 * send one row twice (a node that dies mid-request leaves its row to another after the lease: rspamd's "already
 * learned" answer makes that harmless). A failure is retried with a doubling wait ({@code TrainingBackoff}) and
 * dropped after {@code max-attempts} with a WARN line. The package depends on the store's services only, and on
 * nothing else of the mta.
 */
package org.courriel.mta.spam.training;
