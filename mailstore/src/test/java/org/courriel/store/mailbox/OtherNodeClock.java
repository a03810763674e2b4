package org.courriel.store.mailbox;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test access to the UIDVALIDITY clock of another node, whose wall clock may disagree with this one's. */
public final class OtherNodeClock {

    private final UidValidityClock clock;

    public OtherNodeClock(JdbcClient jdbc, Duration behind) {
        this.clock = new UidValidityClock(jdbc, Clock.offset(Clock.systemUTC(), behind.negated()));
    }

    /** The next UIDVALIDITY that node gives out; call it inside a transaction. */
    public long next() {
        return clock.next();
    }
}
