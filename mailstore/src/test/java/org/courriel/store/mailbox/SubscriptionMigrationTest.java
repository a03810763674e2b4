package org.courriel.store.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.courriel.store.testing.EmptyDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V86 turns the subscribed flags of existing mailbox rows into subscription rows, and V87 starts existing
 * mailboxes with their messages claimed, on H2 and on PostgreSQL: a store made by an earlier build keeps what its
 * users subscribed, and an upgrade does not make old mail \Recent again.
 */
class SubscriptionMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void subscribedFlagsBecomeSubscriptionRows(String database) throws Exception {
        EmptyDatabase db = EmptyDatabase.of(database, "subscription-migration");
        db.migrateTo("85");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO domain (id, name, created_at) VALUES (1, 'example.org', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO account (id, domain_id, address, password_hash, quota_bytes, used_bytes, enabled,"
                    + " admin, created_at) VALUES (1, 1, 'bob@example.org', 'x', 0, 0, TRUE, FALSE, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO mailbox (account_id, name, uid_validity, uid_next, highest_modseq, subscribed,"
                    + " created_at) VALUES (1, 'INBOX', 1, 8, 1, TRUE, CURRENT_TIMESTAMP),"
                    + " (1, 'Lists', 2, 1, 1, FALSE, CURRENT_TIMESTAMP),"
                    + " (1, 'Work/Old', 3, 1, 1, TRUE, CURRENT_TIMESTAMP)");
        }
        db.migrateTo("87");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM mailbox_subscription WHERE account_id = 1 ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names).containsExactly("INBOX", "Work/Old");
            try (ResultSet rs = s.executeQuery("SELECT recent_uid FROM mailbox WHERE name = 'INBOX'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(7);
            }
        }
    }
}
