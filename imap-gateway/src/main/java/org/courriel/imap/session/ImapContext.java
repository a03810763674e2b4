package org.courriel.imap.session;

import org.courriel.imap.config.ImapMetadataProperties;
import org.courriel.imap.config.ImapProperties;
import org.courriel.imap.protocol.EmailIds;
import org.courriel.store.account.AccountService;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.mailbox.MailboxAccess;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.mailbox.RecentWatermark;
import org.courriel.store.metadata.MetadataService;
import org.courriel.store.message.MessageService;
import org.courriel.store.search.MessageListing;
import org.courriel.store.search.MessageSearch;
import org.springframework.stereotype.Component;

/** The services every IMAP session shares: one bean, so a session holds one reference. */
@Component
public record ImapContext(
        ImapProperties properties,
        AccountService accounts,
        MailboxService mailboxes,
        MailboxAccess access,
        MessageService messages,
        MessageSearch search,
        MessageListing listing,
        MailboxEventBus events,
        RecentWatermark recent,
        UidSnapshots uidSnapshots,
        ImapMetrics metrics,
        LoginGuard loginGuard,
        LiteralBudget literalBudget,
        CompressionSlots compressionSlots,
        MetadataService metadata,
        ImapMetadataProperties metadataProperties,
        EmailIds emailIds) {
}
