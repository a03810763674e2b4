package org.courriel.store.lease;

/**
 * A lease held on a mailbox: proof of exclusive access until it expires, renewed while the holder works.
 *
 * @param mailboxId the leased mailbox
 * @param holder    the token that identifies this holder among sessions and nodes
 */
public record MailboxLease(long mailboxId, String holder) {
}
