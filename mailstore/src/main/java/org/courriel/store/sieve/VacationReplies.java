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
 * Remembers to whom a vacation response went and when (RFC 5230 §4.2), in the store so that every node
 * sees it: two messages from one sender arriving on two nodes at once still get one response.
 */
@Service
public class VacationReplies {

    private final JdbcClient jdbc;

    VacationReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the right to respond to {@code sender}: true (and recorded) when no response with that handle
     * went to that sender within {@code period}, false otherwise.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean claim(long accountId, String sender, String handleKey, Duration period, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime before = OffsetDateTime.ofInstant(now.minus(period), ZoneOffset.UTC);
        // A conditional update is atomic: of two nodes, one sees the old time, the other the new one.
        int renewed = jdbc.sql("UPDATE sieve_vacation_reply SET replied_at = ? WHERE account_id = ? AND sender = ?"
                        + " AND handle_key = ? AND replied_at <= ?")
                .param(at).param(accountId).param(sender).param(handleKey).param(before).update();
        if (renewed > 0) {
            return true;
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM sieve_vacation_reply WHERE account_id = ? AND sender = ?"
                        + " AND handle_key = ?")
                .param(accountId).param(sender).param(handleKey).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO sieve_vacation_reply (account_id, sender, handle_key, replied_at) VALUES (?, ?, ?, ?)")
                    .param(accountId).param(sender).param(handleKey).param(at).update();
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }
}
