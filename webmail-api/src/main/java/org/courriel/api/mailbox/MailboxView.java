package org.courriel.api.mailbox;

import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxStatus;

import io.swagger.v3.oas.annotations.media.Schema;

/** A mailbox as the API lists it, with its counters. */
@Schema(description = "A mailbox (folder) of the account with its counters")
public record MailboxView(
        @Schema(description = "Id of the mailbox in URLs; stable across renames", example = "12") long id,
        @Schema(description = "Full name, '/' separating levels", example = "Projects/2026") String name,
        @Schema(description = "RFC 6154 special use, or null", example = "\\Sent", nullable = true) String specialUse,
        @Schema(description = "Number of messages", example = "42") long total,
        @Schema(description = "Messages without the \\Seen flag", example = "3") long unseen,
        @Schema(description = "Sum of the messages' sizes in bytes", example = "1048576") long size,
        @Schema(description = "IMAP UIDVALIDITY", example = "1795000000") long uidValidity,
        @Schema(description = "IMAP UIDNEXT", example = "43") long uidNext,
        @Schema(description = "IMAP HIGHESTMODSEQ (RFC 7162)", example = "97") long highestModseq,
        @Schema(description = "Whether the mailbox is subscribed (IMAP LSUB)") boolean subscribed,
        @Schema(description = "The caller's rights on it, RFC 4314 letters (every right on its own mailboxes; "
                + "those granted on another's shared with it)", example = "lrswipkxtea") String rights) {

    static MailboxView of(MailboxInfo m, MailboxStatus s, boolean subscribed) {
        return of(m.name(), m, s, subscribed, org.courriel.store.acl.Rights.ALL);
    }

    /** A mailbox under the name the caller sees (another user's or a shared one: RFC 2342 namespaces). */
    static MailboxView of(String name, MailboxInfo m, MailboxStatus s, boolean subscribed,
            org.courriel.store.acl.Rights rights) {
        return new MailboxView(m.id(), name, m.specialUse() == null ? null : m.specialUse().attribute(),
                s.messages(), s.unseen(), s.size(), s.uidValidity(), s.uidNext(), s.highestModseq(), subscribed,
                rights.stored());
    }
}
