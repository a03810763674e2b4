/**
 * Annotations of the server and of mailboxes (IMAP METADATA, RFC 5464), stored as rows: one per entry, /private
 * entries under the account they belong to, /shared ones under user 0. Mailbox entries hang on the mailbox's id:
 * RENAME keeps them, DELETE removes them with the mailbox (a foreign key), RENAME of INBOX copies them to the new
 * mailbox (RFC 5464 §4.1).
 *
 * <p>Invariants: every change of one SETMETADATA is one transaction, all or nothing (RFC 5464 §4.3); the
 * account's row is locked while the bounds are checked, so two sessions on two nodes cannot pass the count and
 * total bounds together. Who may change what is decided in one method, {@code MetadataService#mayWrite}.
 */
package org.courriel.store.metadata;
