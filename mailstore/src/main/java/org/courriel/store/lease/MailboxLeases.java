package org.courriel.store.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Exclusive leases on mailboxes, held in the store so that they hold across nodes: POP3's maildrop lock
 * (RFC 1939 §8) is one. A lease is one row keyed by the mailbox: of two sessions taking it at once, the
 * database lets one insert win. It carries an expiry, so the lease of a node that died is taken over once it
 * lapses; its holder renews it while working and deletes it when done.
 * <p>
 * Each call is a statement of its own outside the group commit: a lease is not mail and needs no fsync.
 */
@Service
public class MailboxLeases {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public MailboxLeases(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    MailboxLeases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the mailbox for {@code length}, unless another holder's lease on it has not expired. */
    public Optional<MailboxLease> acquire(long mailboxId, Duration length) {
        OffsetDateTime now = now();
        jdbc.sql("DELETE FROM mailbox_lease WHERE mailbox_id = ? AND expires_at <= ?").params(mailboxId, now).update();
        String holder = UUID.randomUUID().toString();
        int taken;
        try {
            // NOT EXISTS spares the database a key violation (and its log line) when the lease is plainly held;
            // the key still decides between two inserts racing past it
            taken = jdbc.sql("INSERT INTO mailbox_lease (mailbox_id, holder, expires_at) SELECT ?, ?, ?"
                    + " WHERE NOT EXISTS (SELECT 1 FROM mailbox_lease WHERE mailbox_id = ?)")
                    .params(mailboxId, holder, now.plus(length), mailboxId).update();
        } catch (DuplicateKeyException held) {
            return Optional.empty();
        }
        return taken == 1 ? Optional.of(new MailboxLease(mailboxId, holder)) : Optional.empty();
    }

    /**
     * Extends a lease to {@code length} from now; false when it is no longer held (it lapsed and another
     * holder took the mailbox), in which case the caller must not act on the mailbox as its owner.
     */
    public boolean renew(MailboxLease lease, Duration length) {
        return jdbc.sql("UPDATE mailbox_lease SET expires_at = ? WHERE mailbox_id = ? AND holder = ?")
                .params(now().plus(length), lease.mailboxId(), lease.holder()).update() == 1;
    }

    /** Gives the mailbox back; nothing happens when the lease lapsed and was taken by another. */
    public void release(MailboxLease lease) {
        jdbc.sql("DELETE FROM mailbox_lease WHERE mailbox_id = ? AND holder = ?")
                .params(lease.mailboxId(), lease.holder()).update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
