/**
 * Export and import of an account's mail as Maildir++ or mboxrd files: the pure formats (flags in Maildir file
 * names and a {@code dovecot-keywords} file, mboxrd {@code From } lines, quoting and {@code Status}/{@code
 * X-Status}/{@code X-Keywords} headers) and {@link org.courriel.store.transfer.MailTransfer}, which reads or
 * writes one message at a time (bounded by {@code courriel.transfer.max-message-size}) through the message
 * and mailbox services. An import skips a message whose exact bytes (so also its Message-ID) the target folder
 * already holds: the content's SHA-256 is in the store, so a re-run on any node adds nothing.
 */
package org.courriel.store.transfer;
