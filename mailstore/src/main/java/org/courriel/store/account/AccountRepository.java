package org.courriel.store.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code account}, in plain SQL: the server and the admin command line use this one mapping. An
 * {@link #update} writes the columns the services change and leaves {@code used_bytes} alone, which deliveries
 * and expunges advance under the mailbox lock ({@code MessageWriter}).
 */
@Repository
class AccountRepository {

    private static final String COLUMNS = "id, domain_id, address, password_hash, display_name, quota_bytes, "
            + "used_bytes, enabled, admin, scram_salt, scram_iterations, scram_stored_key, scram_server_key, shared";

    private static final RowMapper<Account> ROW = (rs, n) -> {
        Account a = new Account(rs.getLong("id"), rs.getLong("domain_id"), rs.getString("address"),
                rs.getString("password_hash"), rs.getString("display_name"), rs.getLong("quota_bytes"),
                rs.getLong("used_bytes"), rs.getBoolean("enabled"), rs.getBoolean("admin"));
        a.setScramColumns(rs.getString("scram_salt"), rs.getObject("scram_iterations", Integer.class),
                rs.getString("scram_stored_key"), rs.getString("scram_server_key"));
        if (rs.getBoolean("shared")) {
            a.markShared();
        }
        return a;
    };

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByAddress(String address) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE address = ?").param(address).query(ROW).optional();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?").param(id).query(ROW).optional();
    }

    List<Account> findAllByOrderByAddress() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY address").query(ROW).list();
    }

    long countByDomain(Domain domain) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE domain_id = ?").param(domain.getId())
                .query(Long.class).single();
    }

    /** Inserts a new account and gives it its id. */
    Account insert(Account a) {
        Object[] scram = a.scramColumns();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO account (domain_id, address, password_hash, display_name, quota_bytes, used_bytes,
                                     enabled, admin, scram_salt, scram_iterations, scram_stored_key,
                                     scram_server_key, shared, created_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.getDomainId(), a.getAddress(), a.getPasswordHash(), a.getDisplayName(), a.getQuotaBytes(),
                        a.isEnabled(), a.isAdmin(), scram[0], scram[1], scram[2], scram[3], a.isShared(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        a.assignId(key.getKeyAs(Long.class));
        return a;
    }

    /** Writes what the services change: password and SCRAM keys, display name, quota, state, admin role. */
    void update(Account a) {
        Object[] scram = a.scramColumns();
        jdbc.sql("""
                UPDATE account SET password_hash = ?, display_name = ?, quota_bytes = ?, enabled = ?, admin = ?,
                                   scram_salt = ?, scram_iterations = ?, scram_stored_key = ?, scram_server_key = ?
                WHERE id = ?""")
                .params(a.getPasswordHash(), a.getDisplayName(), a.getQuotaBytes(), a.isEnabled(), a.isAdmin(),
                        scram[0], scram[1], scram[2], scram[3], a.getId())
                .update();
    }

    void delete(Account a) {
        jdbc.sql("DELETE FROM account WHERE id = ?").param(a.getId()).update();
    }
}
