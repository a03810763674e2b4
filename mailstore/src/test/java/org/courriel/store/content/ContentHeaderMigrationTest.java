package org.courriel.store.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.courriel.store.testing.EmptyDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V99 moves every stored header section out of {@code content} into {@code content_header}, byte for byte, on H2
 * and on PostgreSQL: a store made by an earlier build serves the same BODY[HEADER] after the upgrade, and a
 * content deleted later takes its header row with it.
 */
class ContentHeaderMigrationTest {

    /** Octets no charset decodes the same way: a header is kept as bytes, never as text. */
    private static final byte[] HEADER = {'S', 'u', 'b', 'j', 'e', 'c', 't', ':', ' ', (byte) 0xE9, (byte) 0xFF, 0,
            '\r', '\n', ' ', 'x', '\r', '\n', '\r', '\n'};

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void headersMoveToTheirOwnTableByteForByte(String database) throws Exception {
        EmptyDatabase db = EmptyDatabase.of(database, "content-header-migration");
        db.migrateTo("98");
        try (Connection c = db.connect();
                PreparedStatement insert = c.prepareStatement("INSERT INTO content (id, sha256, size, ref_count, header,"
                        + " summary, created_at) VALUES (?, ?, 30, 1, ?, '{}', CURRENT_TIMESTAMP)")) {
            for (int id = 1; id <= 2; id++) {
                insert.setLong(1, id);
                insert.setString(2, "sha" + id);
                insert.setBytes(3, id == 1 ? HEADER : new byte[0]);
                insert.executeUpdate();
            }
        }
        db.migrateTo("99");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT content_id, header FROM content_header ORDER BY content_id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(rs.getBytes(2)).isEqualTo(HEADER);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(2)).isEmpty();
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = c.getMetaData().getColumns(null, null, database.equals("h2") ? "CONTENT" : "content",
                    database.equals("h2") ? "HEADER" : "header")) {
                assertThat(rs.next()).as("content.header is gone").isFalse();
            }
            s.execute("DELETE FROM content WHERE id = 1");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM content_header")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }
}
