package org.courriel.mta.delivery;

import java.util.List;

import org.courriel.sieve.SieveAction;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.message.Flags;

/**
 * What becomes of a message for one local account, as its Sieve script decided: the mailboxes it is
 * stored into and with which flags, the copies sent on, and what to do once it is stored.
 *
 * @param targets   the mailboxes to store into; empty when the script discarded or rejected it
 * @param redirects copies to queue in the same transaction as the stored ones
 * @param vacation  a vacation response to consider after commit, or null
 * @param reject    the reason of a reject/ereject, or null
 * @param duplicates identifiers to remember after commit (RFC 7352 duplicate test)
 */
public record SieveDisposition(AccountInfo account, String recipient, List<Target> targets,
        List<Redirect> redirects, SieveAction.Vacation vacation, String reject,
        List<SieveAction.TrackDuplicate> duplicates) {

    /** Without identifiers to remember. */
    public SieveDisposition(AccountInfo account, String recipient, List<Target> targets, List<Redirect> redirects,
            SieveAction.Vacation vacation, String reject) {
        this(account, recipient, targets, redirects, vacation, reject, List.of());
    }

    /** Store into one mailbox with these flags. */
    public record Target(long mailboxId, Flags flags) {
    }

    /** A copy to send on, with its own envelope and content (a Delivered-To line added). */
    public record Redirect(MailEnvelope envelope, byte[] message) {
    }

    /** The same, without the reject's notification to the sender (it may be forged: no backscatter). */
    public SieveDisposition withoutReject() {
        return reject == null ? this : new SieveDisposition(account, recipient, targets, redirects, vacation, null);
    }

    public static SieveDisposition inbox(AccountInfo account, String recipient, long inboxId) {
        return new SieveDisposition(account, recipient, List.of(new Target(inboxId, Flags.NONE)), List.of(), null, null);
    }
}
