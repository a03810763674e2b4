/**
 * Migration from another IMAP server ({@code courriel migrate imap://user@host ADDRESS}): an IMAP client
 * (Angus Mail) reads every folder of the old account and the store's services write it into a Courriel
 * account, bytes, flags, keywords and internal date unchanged.
 *
 * <p>Resuming: a message is copied unless the target mailbox already holds one with the same Message-ID, size
 * and internal date ({@link org.courriel.deploy.migrate.MessageKey}). The key is read from the store, so a
 * re-run on any node after an interruption copies only what is missing; no progress is kept in one node's
 * memory and no table of its own is needed. Parsing ({@link org.courriel.deploy.migrate.ImapSource},
 * {@link org.courriel.deploy.migrate.FolderMapping}) is pure; only {@link org.courriel.deploy.migrate.ImapMigration}
 * talks to the network and the store. Depends on nothing of the command line.
 */
package org.courriel.deploy.migrate;
