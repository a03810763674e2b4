package org.courriel.api.message;

import org.courriel.api.problem.ApiException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
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
    public record Located(MailboxInfo mailbox, MessageRecord message) {
        public MessageId id() {
            return new MessageId(mailbox.id(), mailbox.uidValidity(), message.uid());
        }
    }

    private final MailboxService mailboxes;
    private final MessageService messages;

    public AccountMessages(MailboxService mailboxes, MessageService messages) {
        this.mailboxes = mailboxes;
        this.messages = messages;
    }

    public Located get(AccountInfo account, String id) {
        MessageId parsed = MessageId.parse(id).orElseThrow(AccountMessages::notFound);
        MailboxInfo mailbox = mailboxes.find(account.id(), parsed.mailboxId())
                .filter(m -> m.uidValidity() == parsed.uidValidity())
                .orElseThrow(AccountMessages::notFound);
        MessageRecord message = messages.get(mailbox.id(), parsed.uid()).orElseThrow(AccountMessages::notFound);
        return new Located(mailbox, message);
    }

    private static ApiException notFound() {
        return ApiException.notFound("no such message");
    }
}
