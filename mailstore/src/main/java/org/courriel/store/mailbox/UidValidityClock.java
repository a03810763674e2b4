package org.courriel.store.mailbox;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives out UIDVALIDITY values from one row in the database, so that every node sharing the store draws
 * from the same strictly ascending sequence.
 * <p>
 * RFC 9051 §2.3.1.1: a name reused for a new mailbox must get a new UIDVALIDITY. A counter in one node's
 * memory cannot promise that once two nodes create mailboxes; the row can, because the UPDATE locks it until
 * the creating transaction ends. Values are seconds since the epoch when mailboxes are created slowly, and one
 * more than the last one given out when they are created faster; either way they fit the 32 bits of an IMAP
 * nz-number until 2106.
 */
@Component
class UidValidityClock {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    UidValidityClock(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    UidValidityClock(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The next value; must run inside the transaction that creates the mailbox. */
    long next() {
        long now = clock.millis() / 1000;
        jdbc.sql("UPDATE uid_validity_clock SET last_value = GREATEST(last_value + 1, ?) WHERE id = 1")
                .param(now).update();
        return jdbc.sql("SELECT last_value FROM uid_validity_clock WHERE id = 1").query(Long.class).single();
    }
}
