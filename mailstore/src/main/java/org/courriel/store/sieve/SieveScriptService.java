package org.courriel.store.sieve;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.courriel.sieve.SieveScript;
import org.courriel.sieve.SieveSyntaxException;
import org.courriel.store.StoreException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Sieve scripts of each account (RFC 5804's model: named scripts, at most one active). Every stored
 * script compiled when it was put, so delivery never meets a script with a syntax error.
 */
@Service
@Transactional
@EnableConfigurationProperties(SieveStoreProperties.class)
public class SieveScriptService {

    /** RFC 5804 §1.6 asks servers to allow names of at least 128 octets; longer are refused. */
    public static final int MAX_NAME_LENGTH = 128;

    private final JdbcClient jdbc;
    private final SieveStoreProperties properties;

    SieveScriptService(JdbcClient jdbc, SieveStoreProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public SieveStoreProperties limits() {
        return properties;
    }

    @Transactional(readOnly = true)
    public List<SieveScriptInfo> list(long accountId) {
        return jdbc.sql("SELECT name, active FROM sieve_script WHERE account_id = ? ORDER BY name")
                .param(accountId)
                .query((rs, n) -> new SieveScriptInfo(rs.getString(1), rs.getBoolean(2))).list();
    }

    @Transactional(readOnly = true)
    public Optional<String> get(long accountId, String name) {
        return jdbc.sql("SELECT content FROM sieve_script WHERE account_id = ? AND name = ?")
                .param(accountId).param(name).query(String.class).optional();
    }

    /**
     * The account's active script (delivery asks {@link #active(Collection)} once per message instead): one
     * statement, so it joins a transaction that is open but starts none of its own (the ingest profile found a
     * read-only transaction here, pool checkout and the JPA session of the time included, at about 9 % of delivery CPU).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<ActiveScript> active(long accountId) {
        return jdbc.sql("SELECT name, content FROM sieve_script WHERE account_id = ? AND active")
                .param(accountId)
                .query((rs, n) -> new ActiveScript(rs.getString(1), rs.getString(2))).optional();
    }

    /** How many accounts one statement of {@link #active(Collection)} asks about: its SQL text stays the same. */
    static final int ACTIVE_BATCH = 8;

    private static final String ACTIVE_OF_ACCOUNTS = "SELECT account_id, name, content FROM sieve_script WHERE active"
            + " AND account_id IN (" + String.join(", ", Collections.nCopies(ACTIVE_BATCH, "?")) + ")";

    /**
     * The active scripts of several accounts (the local recipients of one message), by account id; an account
     * without one is absent. One statement per {@value #ACTIVE_BATCH} accounts instead of one per recipient; the
     * list is padded with its first id so that the statement's text, and so its cached plan, never changes.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, ActiveScript> active(Collection<Long> accountIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(accountIds));
        Map<Long, ActiveScript> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ACTIVE_BATCH) {
            List<Long> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + ACTIVE_BATCH)));
            while (chunk.size() < ACTIVE_BATCH) {
                chunk.add(chunk.getFirst());
            }
            jdbc.sql(ACTIVE_OF_ACCOUNTS).params(chunk.toArray()).query(rs -> {
                found.put(rs.getLong(1), new ActiveScript(rs.getString(2), rs.getString(3)));
            });
        }
        return found;
    }

    /**
     * Whether a script of that name and size would be accepted (RFC 5804 §2.5 HAVESPACE).
     *
     * @throws StoreException INVALID for a bad name, OVER_QUOTA when too large or too many
     */
    @Transactional(readOnly = true)
    public void checkSpace(long accountId, String name, long size) {
        checkName(name);
        if (size > properties.maxScriptSize().toBytes()) {
            throw new StoreException(StoreException.Reason.OVER_QUOTA,
                    "script larger than " + properties.maxScriptSize().toBytes() + " bytes");
        }
        if (get(accountId, name).isEmpty() && list(accountId).size() >= properties.maxScripts()) {
            throw new StoreException(StoreException.Reason.OVER_QUOTA,
                    "at most " + properties.maxScripts() + " scripts per account");
        }
    }

    /**
     * Stores a script, replacing one of that name (RFC 5804 §2.6 PUTSCRIPT); an active script stays active.
     *
     * @throws StoreException INVALID with "line N: ..." when it is not valid Sieve
     */
    public void put(long accountId, String name, String content) {
        checkSpace(accountId, name, content.getBytes(StandardCharsets.UTF_8).length);
        try {
            SieveScript.compile(content);
        } catch (SieveSyntaxException e) {
            throw StoreException.invalid(e.getMessage());
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE sieve_script SET content = ?, updated_at = ? WHERE account_id = ? AND name = ?")
                .param(content).param(now).param(accountId).param(name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO sieve_script (account_id, name, content, active, updated_at) VALUES (?, ?, ?, FALSE, ?)")
                    .param(accountId).param(name).param(content).param(now).update();
        }
    }

    /** Makes that script the active one, or none when {@code name} is empty (RFC 5804 §2.8). */
    public void setActive(long accountId, String name) {
        if (!name.isEmpty() && get(accountId, name).isEmpty()) {
            throw StoreException.notFound("script " + name);
        }
        jdbc.sql("UPDATE sieve_script SET active = (name = ?) WHERE account_id = ?")
                .param(name).param(accountId).update();
    }

    /** RFC 5804 §2.10: the active script cannot be deleted. */
    public void delete(long accountId, String name) {
        boolean active = jdbc.sql("SELECT active FROM sieve_script WHERE account_id = ? AND name = ?")
                .param(accountId).param(name).query(Boolean.class).optional()
                .orElseThrow(() -> StoreException.notFound("script " + name));
        if (active) {
            throw new StoreException(StoreException.Reason.NOT_ALLOWED, "the active script cannot be deleted");
        }
        jdbc.sql("DELETE FROM sieve_script WHERE account_id = ? AND name = ?").param(accountId).param(name).update();
    }

    /** RFC 5804 §2.11.1 RENAMESCRIPT; an active script stays active. */
    public void rename(long accountId, String from, String to) {
        checkName(to);
        if (get(accountId, from).isEmpty()) {
            throw StoreException.notFound("script " + from);
        }
        if (get(accountId, to).isPresent()) {
            throw StoreException.exists("script " + to);
        }
        jdbc.sql("UPDATE sieve_script SET name = ? WHERE account_id = ? AND name = ?")
                .param(to).param(accountId).param(from).update();
    }

    // RFC 5804 §1.6: no control characters, not empty.
    static void checkName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw StoreException.invalid("a script name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                throw StoreException.invalid("a script name cannot contain control characters");
            }
        }
    }
}
