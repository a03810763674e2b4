package org.courriel.store.commit;

import java.time.Instant;
import java.util.List;

import org.courriel.store.content.MessageContent;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.Flags;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a {@link StoreWork} can do inside a group-commit transaction. Everything it does commits together
 * with the other units of its batch, or not at all.
 */
public interface StoreTransaction {

    /**
     * Appends a message to a mailbox (IMAP APPEND, a copy to Sent), refusing it past the account's quota or
     * while the disk is nearly full.
     */
    AppendResult append(long mailboxId, MessageContent content, Flags flags, Instant internalDate);

    /**
     * Delivers one message to several mailboxes (the local recipients of one SMTP transaction), sharing
     * one content row. Quota was checked when each recipient was accepted (RCPT); delivery refuses only
     * while the disk is nearly full ({@code STORAGE_FULL}).
     */
    List<AppendResult> deliver(MessageContent content, List<Long> mailboxIds, Instant internalDate);

    /** Plain SQL in this transaction, for a module's own tables (the outbound queue). */
    JdbcClient jdbc();

    /** Publishes an event once the batch has committed (and is durable). */
    void afterCommit(MailboxEvent event);
}
