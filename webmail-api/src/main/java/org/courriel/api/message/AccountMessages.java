package org.courriel.api.message;

import org.courriel.api.problem.ApiException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.acl.Right;
import org.courriel.store.acl.Rights;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.mailbox.MailboxAccess;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.springframework.stereotype.Component;

/**
 * Resolves a message id from a URL within the caller's account. Another account's message, a message since
 * expunged or moved, a mailbox since recreated (other UIDVALIDITY) and a malformed id all answer the same 404.
 */
@Component
public class AccountMessages {

    /** A message the caller may act on, in its mailbox. */
    public record Located(MailboxInfo mailbox, MessageRecord message, Rights rights) {
        public MessageId id() {
            return new MessageId(mailbox.id(), mailbox.uidValidity(), message.uid());
        }
    }

    private final MailboxAccess access;
    private final MessageService messages;

    public AccountMessages(MailboxAccess access, MessageService messages) {
        this.access = access;
        this.messages = messages;
    }

    public Located get(AccountInfo account, String id) {
        MessageId parsed = MessageId.parse(id).orElseThrow(AccountMessages::notFound);
        // RFC 4314 §4: reading needs "r", on the caller's own mailboxes or one shared with it
        AccessibleMailbox mailbox = access.find(account.id(), parsed.mailboxId())
                .filter(m -> m.has(Right.READ) && m.mailbox().uidValidity() == parsed.uidValidity())
                .orElseThrow(AccountMessages::notFound);
        MessageRecord message = messages.get(mailbox.id(), parsed.uid()).orElseThrow(AccountMessages::notFound);
        return new Located(mailbox.mailbox(), message, mailbox.rights());
    }

    private static ApiException notFound() {
        return ApiException.notFound("no such message");
    }
}
