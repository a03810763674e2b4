package org.courriel.store.secret;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Named secrets of 32 random bytes (table {@code server_secret}), shared by all nodes and stable across restarts.
 * <p>
 * Two nodes that generate one at once both insert its name: one insert fails on the primary key and that node
 * reads the other's, so every node ends with the same bytes.
 */
@Service
public class ServerSecrets {

    /** Keys the salts SCRAM-SHA-256 shows for names of no account. */
    public static final String SCRAM_STAND_IN = "scram-stand-in";
    /** Enciphers the content ids behind IMAP's EMAILIDs (RFC 8474 §11): changing it changes every EMAILID. */
    public static final String EMAIL_ID = "email-id";

    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public ServerSecrets(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    public ServerSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The secret {@code name}, generated when there is none yet. */
    public byte[] get(String name) {
        return read(name).orElseGet(() -> {
            insert(name);
            return read(name).orElseThrow(() -> new IllegalStateException("secret " + name + " vanished"));
        });
    }

    private Optional<byte[]> read(String name) {
        return jdbc.sql("SELECT secret FROM server_secret WHERE name = ?").param(name)
                .query((rs, i) -> Base64.getDecoder().decode(rs.getString(1))).optional();
    }

    private void insert(String name) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        try {
            jdbc.sql("INSERT INTO server_secret (name, secret, created_at) VALUES (?, ?, ?)")
                    .params(name, Base64.getEncoder().encodeToString(key), Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException raced) {
            // another node generated it first: get() reads theirs
        }
    }
}
