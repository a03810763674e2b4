package org.courriel.store.greylist;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Greylisting triplets and passed networks, shared by every node through the store. Times are epoch seconds.
 */
@Service
public class Triplets {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    public Triplets(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * When this triplet was first seen, recording {@code now} when it never was. Two nodes seeing it at once
     * agree on one time: the loser of the insert reads the winner's.
     */
    public Instant firstSeen(String network, String sender, String recipient, Instant now) {
        Optional<Long> seen = read(network, sender, recipient);
        if (seen.isPresent()) {
            return Instant.ofEpochSecond(seen.get());
        }
        try {
            own.executeWithoutResult(status -> jdbc.sql(
                    "INSERT INTO greylist_triplet (network, sender, recipient, first_seen) VALUES (?, ?, ?, ?)")
                    .params(network, sender, recipient, now.getEpochSecond()).update());
            return Instant.ofEpochSecond(now.getEpochSecond());
        } catch (DuplicateKeyException raced) {
            return Instant.ofEpochSecond(read(network, sender, recipient).orElse(now.getEpochSecond()));
        }
    }

    /** Starts the triplet's wait again (it came back after its retry window had closed). */
    public void restart(String network, String sender, String recipient, Instant now) {
        jdbc.sql("UPDATE greylist_triplet SET first_seen = ? WHERE network = ? AND sender = ? AND recipient = ?")
                .params(now.getEpochSecond(), network, sender, recipient).update();
    }

    /** Whether {@code network} passed before and its pass has not expired. */
    public boolean passed(String network, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM greylist_passed WHERE network = ? AND expires > ?")
                .params(network, now.getEpochSecond()).query(Long.class).single() > 0;
    }

    /** Remembers that {@code network} passed, until {@code expires}; its triplets are no longer needed. */
    public void pass(String network, Instant expires) {
        own.executeWithoutResult(status -> {
            int updated = jdbc.sql("UPDATE greylist_passed SET expires = ? WHERE network = ?")
                    .params(expires.getEpochSecond(), network).update();
            if (updated == 0) {
                try {
                    jdbc.sql("INSERT INTO greylist_passed (network, expires) VALUES (?, ?)")
                            .params(network, expires.getEpochSecond()).update();
                } catch (DuplicateKeyException raced) {
                    status.setRollbackOnly(); // another node recorded the pass at the same moment
                }
            }
        });
    }

    /** Deletes triplets first seen before {@code seenBefore} and passes expired by {@code now}; returns how many. */
    public int purge(Instant seenBefore, Instant now) {
        return jdbc.sql("DELETE FROM greylist_triplet WHERE first_seen < ?").param(seenBefore.getEpochSecond()).update()
                + jdbc.sql("DELETE FROM greylist_passed WHERE expires <= ?").param(now.getEpochSecond()).update();
    }

    private Optional<Long> read(String network, String sender, String recipient) {
        return jdbc.sql("SELECT first_seen FROM greylist_triplet WHERE network = ? AND sender = ? AND recipient = ?")
                .params(network, sender, recipient).query(Long.class).optional();
    }
}
