package org.courriel.store.mailbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The rows of {@code mailbox}, in plain SQL: the server and the admin command line use this one mapping. */
@Repository
class MailboxRepository {

    private static final String COLUMNS = "id, account_id, name, uid_validity, uid_next, highest_modseq, special_use";

    private static final RowMapper<Mailbox> ROW = (rs, n) -> {
        String specialUse = rs.getString("special_use");
        return new Mailbox(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
                rs.getLong("uid_validity"), rs.getLong("uid_next"), rs.getLong("highest_modseq"),
                specialUse == null ? null : SpecialUse.valueOf(specialUse));
    };

    private final JdbcClient jdbc;

    MailboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Mailbox> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mailbox WHERE id = ?").param(id).query(ROW).optional();
    }

    Optional<Mailbox> findByAccountIdAndName(long accountId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mailbox WHERE account_id = ? AND name = ?")
                .params(accountId, name).query(ROW).optional();
    }

    List<Mailbox> findByAccountIdOrderByName(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mailbox WHERE account_id = ? ORDER BY name").param(accountId)
                .query(ROW).list();
    }

    /** Inserts a new mailbox and gives it its id. */
    Mailbox insert(Mailbox m) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mailbox (account_id, name, uid_validity, uid_next, highest_modseq, special_use, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(m.getAccountId(), m.getName(), m.getUidValidity(), m.getUidNext(), m.getHighestModseq(),
                        m.getSpecialUse() == null ? null : m.getSpecialUse().name(), OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        m.assignId(key.getKeyAs(Long.class));
        return m;
    }

    /** Gives the mailbox its new name. */
    void rename(Mailbox m, String name) {
        jdbc.sql("UPDATE mailbox SET name = ? WHERE id = ?").params(name, m.getId()).update();
        m.setName(name);
    }
}
