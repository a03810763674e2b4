package org.courriel.store.event;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus of one node. On PostgreSQL with several nodes a bridge publishes into it what other nodes
 * committed (LISTEN/NOTIFY); on H2 it is the whole story.
 */
public class InProcessMailboxEventBus implements MailboxEventBus {

    private static final Logger log = LoggerFactory.getLogger(InProcessMailboxEventBus.class);

    private final Map<Long, Set<MailboxListener>> byMailbox = new ConcurrentHashMap<>();
    private final Map<Long, Set<MailboxListener>> byAccount = new ConcurrentHashMap<>();

    @Override
    public void publish(MailboxEvent event) {
        notify(byMailbox.get(event.mailboxId()), event);
        notify(byAccount.get(event.accountId()), event);
    }

    private static void notify(Set<MailboxListener> listeners, MailboxEvent event) {
        if (listeners == null) {
            return;
        }
        for (MailboxListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.error("Mailbox listener failed on {}", event, e);
            }
        }
    }

    @Override
    public Registration subscribeMailbox(long mailboxId, MailboxListener listener) {
        return subscribe(byMailbox, mailboxId, listener);
    }

    @Override
    public Registration subscribeAccount(long accountId, MailboxListener listener) {
        return subscribe(byAccount, accountId, listener);
    }

    /** Whether some listener of this node watches the mailbox. */
    protected boolean isWatched(long mailboxId) {
        return byMailbox.containsKey(mailboxId);
    }

    private static Registration subscribe(Map<Long, Set<MailboxListener>> map, long key, MailboxListener listener) {
        map.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> map.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }
}
