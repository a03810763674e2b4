package org.courriel.store.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real H2 file that copy-on-write has grown, compacted by the stop, its rows all there when it opens again. */
class H2CompactOnStopTest {

    private static final int ROWS = 120;

    @Test
    void givesBackTheSpaceOfReplacedPagesAndKeepsEveryRow(@TempDir Path dir) throws Exception {
        JdbcDataSource database = database(dir);
        Path file = H2Files.fileOf(database.getURL());
        // held open as a pool holds its connections: H2 would otherwise close, and compact a little, after fill
        Connection pool = database.getConnection();
        fill(database);
        long grown = Files.size(file);

        new H2CompactOnStop(database, file).stop();
        assertThat(pool.isValid(1)).as("the stop shut the database down").isFalse();

        long compacted = Files.size(file);
        assertThat(compacted).as("compacted from %d bytes", grown).isLessThan(grown / 2);
        List<byte[]> bodies = bodies();
        int rows = 0;
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, body FROM mail ORDER BY id")) {
            while (rs.next()) {
                assertThat(rs.getInt(1) % 2).isZero();
                assertThat(rs.getBytes(2)).as("row %d", rs.getInt(1)).isEqualTo(bodies.get(rs.getInt(1)));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(ROWS / 2);
    }

    @Test
    void leavesAFileThatIsMostlyLiveDataAsItIs(@TempDir Path dir) throws Exception {
        JdbcDataSource database = database(dir);
        Path file = H2Files.fileOf(database.getURL());
        try (Connection first = database.getConnection()) {
            fill(database);
            new H2CompactOnStop(database, file).stop(); // compacted: all of it is live now
        }
        Connection pool = database.getConnection();
        long compacted = Files.size(file);

        new H2CompactOnStop(database, file).stop();

        assertThat(pool.isValid(1)).as("the database is still open").isTrue();
        assertThat(Files.size(file)).isEqualTo(compacted);
        pool.close();
    }

    @Test
    void withoutAFileLeavesTheDatabaseOpen(@TempDir Path dir) throws Exception {
        JdbcDataSource database = database(dir);
        try (Connection held = database.getConnection(); Statement s = held.createStatement()) {
            s.execute("CREATE TABLE t (x INT)");
            new H2CompactOnStop(database, null).stop();
            s.execute("INSERT INTO t VALUES (1)");
        }
    }

    private static List<byte[]> bodies() {
        Random random = new Random(4);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            byte[] body = new byte[30_000];
            random.nextBytes(body);
            bodies.add(body);
        }
        return bodies;
    }

    private static JdbcDataSource database(Path dir) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:file:" + dir.resolve("store") + ";COMPRESS=TRUE");
        database.setUser("sa");
        return database;
    }

    /** One commit and sync per row, as mail arriving alone is committed, then half the rows deleted. */
    private static void fill(JdbcDataSource database) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE mail (id INT PRIMARY KEY, body VARBINARY NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO mail VALUES (?, ?)")) {
                List<byte[]> bodies = bodies();
                for (int i = 0; i < ROWS; i++) {
                    insert.setInt(1, i);
                    insert.setBytes(2, bodies.get(i));
                    insert.executeUpdate();
                    s.execute("CHECKPOINT SYNC"); // as the group commit ends each batch
                }
            }
            s.execute("DELETE FROM mail WHERE MOD(id, 2) = 1");
        }
    }
}
