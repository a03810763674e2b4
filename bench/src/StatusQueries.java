import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The store's SQL for STATUS and SELECT's [UNSEEN n] on one large mailbox, before and after the mailbox counters
 * (migration V97), on the real schema: runs every migration of mailstore/src/main/resources/db/migration on an
 * empty database, fills one mailbox with N messages through JDBC (all seen but the last, so the old first-unseen
 * scan reads them all), sets the counters as the writer would, and prints the median and range of each query,
 * each run after a one-row write to both tables (as between two STATUS of a live server).
 * <p>
 * {@code java -cp H2_OR_PGJDBC_JAR bench/src/StatusQueries.java JDBC_URL USER PASSWORD [MESSAGES] [RUNS]}
 * (an empty database on 127.0.0.1 or an embedded H2 file).
 */
public final class StatusQueries {

    /** MailboxService.status before V97: a COUNT and SUMs over the mailbox's rows. */
    static final String STATUS_SCAN = """
            SELECT COUNT(m.id),
                   COALESCE(SUM(CASE WHEN MOD(m.system_flags, 2) = 0 THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN MOD(m.system_flags / 8, 2) = 1 THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(m.size), 0),
                   b.uid_next, b.uid_validity, b.highest_modseq
            FROM mailbox b LEFT JOIN message m ON m.mailbox_id = b.id
            WHERE b.id = ?
            GROUP BY b.uid_next, b.uid_validity, b.highest_modseq""";

    /** MailboxService.status after: the row. */
    static final String STATUS_ROW = """
            SELECT message_count, unseen_count, deleted_count, total_size, uid_next, uid_validity, highest_modseq
            FROM mailbox WHERE id = ?""";

    /** SelectCommand's first unseen before: the rows in UID order until one lacks \Seen. */
    static final String UNSEEN_SCAN = "SELECT m.uid, m.system_flags FROM message m WHERE m.mailbox_id = ?"
            + " AND m.uid BETWEEN 1 AND 9223372036854775807 ORDER BY m.uid";

    /** MessageReader.firstUnseen after: one sorted lookup per flag value without \Seen. */
    static final List<Integer> UNSEEN_VALUES = IntStream.range(0, 32).filter(v -> v % 2 == 0).boxed().toList();
    static final String UNSEEN_LOOKUP = "SELECT MIN(u) FROM ("
            + String.join(" UNION ALL ", Collections.nCopies(UNSEEN_VALUES.size(),
                    "SELECT (SELECT uid FROM message WHERE mailbox_id = ? AND system_flags = ?"
                            + " ORDER BY mailbox_id, system_flags, uid FETCH FIRST 1 ROWS ONLY) AS u"))
            + ") first_uids";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int messages = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            migrate(c);
            long mailbox = fill(c, messages);
            System.out.printf("%s, %,d messages in one mailbox%n", c.getMetaData().getDatabaseProductName(), messages);
            time(c, "STATUS, COUNT/SUM scan (before)", runs, ps -> {
                ps.setLong(1, mailbox);
                return ps.executeQuery();
            }, STATUS_SCAN);
            time(c, "STATUS, mailbox row (after)", runs, ps -> {
                ps.setLong(1, mailbox);
                return ps.executeQuery();
            }, STATUS_ROW);
            time(c, "[UNSEEN n], row scan (before)", runs, ps -> {
                ps.setFetchSize(500);
                ps.setLong(1, mailbox);
                return ps.executeQuery();
            }, UNSEEN_SCAN);
            time(c, "[UNSEEN n], index lookups (after)", runs, ps -> {
                int i = 1;
                for (int v : UNSEEN_VALUES) {
                    ps.setLong(i++, mailbox);
                    ps.setInt(i++, v);
                }
                return ps.executeQuery();
            }, UNSEEN_LOOKUP);
        }
    }

    interface Query {
        ResultSet run(PreparedStatement ps) throws SQLException;
    }

    static void time(Connection c, String what, int runs, Query query, String sql) throws SQLException {
        double[] ms = new double[runs];
        String answer = "";
        for (int r = -3; r < runs; r++) {
            // a write to both tables first, as the server's writes do between two STATUS: H2 otherwise answers a
            // repeated query from its result cache
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE message SET modseq = modseq WHERE uid = 1");
                s.executeUpdate("UPDATE mailbox SET highest_modseq = highest_modseq");
            }
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = query.run(ps)) {
                answer = "";
                while (rs.next()) {
                    if (sql == UNSEEN_SCAN) {
                        if (rs.getInt(2) % 2 == 0) {
                            answer = "uid " + rs.getLong(1);
                            break;
                        }
                    } else {
                        answer = String.valueOf(rs.getLong(1));
                        if (sql != UNSEEN_LOOKUP) {
                            answer += "/" + rs.getLong(2) + "/" + rs.getLong(4);
                        }
                    }
                }
            }
            if (r >= 0) {
                ms[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf("  %-36s median %9.3f ms  (%.3f-%.3f)  answer %s%n", what, ms[runs / 2], ms[0], ms[runs - 1],
                answer);
    }

    static void migrate(Connection c) throws Exception {
        Path dir = Path.of("mailstore/src/main/resources/db/migration");
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.sorted(Comparator.comparingInt(p -> Integer.parseInt(
                    p.getFileName().toString().substring(1, p.getFileName().toString().indexOf("__"))))).toList();
        }
        try (Statement s = c.createStatement()) {
            for (Path f : files) {
                String sql = Files.readAllLines(f).stream().filter(l -> !l.strip().startsWith("--"))
                        .collect(Collectors.joining("\n"));
                for (String statement : sql.split(";\\s*\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement.strip().replaceAll(";$", ""));
                    }
                }
            }
        }
    }

    static long fill(Connection c, int messages) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        long domain = insert(c, "INSERT INTO domain (name, created_at) VALUES ('bench.example', ?)", now);
        long account = insert(c, "INSERT INTO account (domain_id, address, password_hash, quota_bytes, used_bytes,"
                + " enabled, admin, created_at) VALUES (" + domain + ", 'b@bench.example', 'x', 0, 0, TRUE, FALSE, ?)", now);
        long mailbox = insert(c, "INSERT INTO mailbox (account_id, name, uid_validity, uid_next, highest_modseq,"
                + " created_at) VALUES (" + account + ", 'INBOX', 1, " + (messages + 1) + ", 2, ?)", now);
        long content = insert(c, "INSERT INTO content (sha256, size, ref_count, summary, created_at)"
                + " VALUES ('0', 3300, " + messages + ", '{}', ?)", now);
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO message (mailbox_id, uid, modseq, content_id,"
                + " system_flags, internal_date, size, subject, from_address, to_address, has_attachment)"
                + " VALUES (?, ?, 2, ?, ?, ?, 3300, ?, 'alice@example.com', 'b@bench.example', FALSE)")) {
            for (int uid = 1; uid <= messages; uid++) {
                ps.setLong(1, mailbox);
                ps.setLong(2, uid);
                ps.setLong(3, content);
                ps.setInt(4, uid == messages ? 0 : 1 | (uid % 7 == 0 ? 4 : 0));
                ps.setTimestamp(5, now);
                ps.setString(6, "Benchmark message number " + uid + " about the quarterly figures");
                ps.addBatch();
                if (uid % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE mailbox SET message_count = " + messages + ", unseen_count = 1, total_size = "
                    + messages * 3300L + " WHERE id = " + mailbox);
            s.execute("ANALYZE" + (c.getMetaData().getDatabaseProductName().contains("H2") ? "" : " message"));
        }
        c.commit();
        c.setAutoCommit(true);
        return mailbox;
    }

    static long insert(Connection c, String sql, Timestamp now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setTimestamp(1, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
