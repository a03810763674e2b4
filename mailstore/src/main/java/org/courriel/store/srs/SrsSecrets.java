package org.courriel.store.srs;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The SRS secrets (table {@code srs_secret}): generated on first use, shared by all nodes, several accepted at
 * once so that a secret can be rotated without making the addresses it signed invalid.
 * <p>
 * Two nodes that generate the first secret at once both insert serial 1: one insert fails on the primary key
 * and that node reads the other's, so every node signs with the same key.
 */
@Service
public class SrsSecrets {

    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public SrsSecrets(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    public SrsSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every accepted secret, the signing one (highest serial) first; the first is generated when there is none. */
    public List<SrsSecret> all() {
        List<SrsSecret> found = read();
        if (!found.isEmpty()) {
            return found;
        }
        insert(1);
        return read();
    }

    /** Adds a new signing secret; the older ones stay accepted. */
    public SrsSecret rotate() {
        while (true) {
            int next = all().getFirst().serial() + 1;
            if (insert(next)) {
                return read().getFirst();
            }
        }
    }

    /** Stops accepting the secret {@code serial} (never the signing one); true when there was such a secret. */
    public boolean remove(int serial) {
        if (all().getFirst().serial() == serial) {
            throw new IllegalArgumentException("secret " + serial + " is the one that signs; rotate first");
        }
        return jdbc.sql("DELETE FROM srs_secret WHERE serial = ?").param(serial).update() > 0;
    }

    private List<SrsSecret> read() {
        return jdbc.sql("SELECT serial, secret, created_at FROM srs_secret ORDER BY serial DESC")
                .query((rs, i) -> new SrsSecret(rs.getInt(1), Base64.getDecoder().decode(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** False when another node took {@code serial} first. */
    private boolean insert(int serial) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        try {
            jdbc.sql("INSERT INTO srs_secret (serial, secret, created_at) VALUES (?, ?, ?)")
                    .params(serial, Base64.getEncoder().encodeToString(key), Timestamp.from(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }
}
