package org.courriel.imap.transcript;

import java.util.List;
import java.util.Map;

import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** NOTIFY's bound on queued events (RFC 5465 §5.8), reached by a burst of changes published at once. */
@TestPropertySource(properties = "courriel.imap.max-pending-updates=2")
class NotifyOverflowTranscriptTest extends ImapTestSupport {

    @Autowired
    MailboxEventBus events;

    @Test
    void aBurstPastTheBoundEndsNotifyWithNotificationOverflow() throws Exception {
        transcript("rules/notify-overflow.txt");
    }

    /**
     * {@code !burst MAILBOX N}: N additions published on the bus in a row, as a busy node would; faster than a
     * session drains them, so its queue passes the bound of 2.
     */
    @Override
    protected void hook(String command, String argument, Map<String, String> variables) throws Exception {
        if (!command.equals("burst")) {
            super.hook(command, argument, variables);
            return;
        }
        String[] parts = argument.split(" ");
        long mailbox = mailboxes.get(account.id(), parts[0]).id();
        for (int i = 1; i <= Integer.parseInt(parts[1]); i++) {
            events.publish(new MailboxEvent.MessagesAdded(account.id(), mailbox, List.of((long) i), i));
        }
    }
}
