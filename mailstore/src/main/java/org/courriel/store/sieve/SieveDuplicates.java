package org.courriel.store.sieve;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identifiers the Sieve duplicate test has seen (RFC 7352 §3), per account, in the store so that the
 * second copy of a message is known as one on whichever node it arrives. An entry expires; expired entries
 * of an account are removed when it records a new one.
 */
@Service
public class SieveDuplicates {

    private final JdbcClient jdbc;

    SieveDuplicates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code key} was recorded for the account and has not expired at {@code now}. */
    public boolean seen(long accountId, String key, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM sieve_duplicate WHERE account_id = ? AND id_key = ? AND expires_at > ?")
                .param(accountId).param(key).param(utc(now)).query(Long.class).single() > 0;
    }

    /**
     * Records {@code key}, once its delivery committed. A new or expired entry expires after {@code period};
     * a live one keeps its expiry (the period runs from the first occurrence, RFC 7352 §3.3) unless
     * {@code last}, when it runs from now (§3.4).
     */
    // Outside any transaction, each statement on its own: a lost insert race fails one statement, not a
    // transaction that PostgreSQL would then refuse to commit.
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void record(long accountId, String key, Duration period, boolean last, Instant now) {
        jdbc.sql("DELETE FROM sieve_duplicate WHERE account_id = ? AND expires_at <= ?")
                .param(accountId).param(utc(now)).update();
        OffsetDateTime expires = utc(now.plus(period));
        if (last) {
            int renewed = jdbc.sql("UPDATE sieve_duplicate SET expires_at = ? WHERE account_id = ? AND id_key = ?")
                    .param(expires).param(accountId).param(key).update();
            if (renewed > 0) {
                return;
            }
        } else if (seen(accountId, key, now)) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO sieve_duplicate (account_id, id_key, expires_at) VALUES (?, ?, ?)")
                    .param(accountId).param(key).param(expires).update();
        } catch (DuplicateKeyException raced) {
            // Another node recorded it meanwhile: it is known either way.
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
