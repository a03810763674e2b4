package org.courriel.store.message;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.courriel.store.content.SummaryCodec;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads messages without loading a mailbox into memory: rows stream from the database in UID order, and
 * the summary and header come from the content rows written at append time, never from parsing the body.
 */
@Repository
@Transactional(readOnly = true)
public class MessageReader {

    private static final int FETCH_SIZE = 500;

    /** Most ranges of a sparse set that a scan looks up one by one ({@link #sparse}). */
    static final int MAX_SPARSE = 5_000;

    /** Most UIDs in those ranges (PostgreSQL is sent each of them). */
    static final long MAX_SPARSE_UIDS = 20_000;

    /** UIDs per IN list of a sparse scan on PostgreSQL. */
    private static final int IN_LIST = 500;

    /** Every value of system_flags without \Seen. */
    private static final List<Integer> UNSEEN_FLAG_VALUES = IntStream
            .range(0, 1 << SystemFlag.values().length).filter(v -> (v & SystemFlag.SEEN.bit()) == 0).boxed().toList();

    /**
     * The minimum over one sorted, limited lookup per flag value; the ORDER BY names the index's columns so that
     * H2 too reads the index in order and stops at the first entry (PostgreSQL does with ORDER BY uid alone).
     */
    private static final String FIRST_UNSEEN = "SELECT MIN(u) FROM ("
            + String.join(" UNION ALL ", Collections.nCopies(UNSEEN_FLAG_VALUES.size(),
                    "SELECT (SELECT uid FROM message WHERE mailbox_id = ? AND system_flags = ?"
                            + " ORDER BY mailbox_id, system_flags, uid FETCH FIRST 1 ROWS ONLY) AS u"))
            + ") first_uids";

    private final JdbcTemplate template;

    public MessageReader(JdbcTemplate template) {
        this.template = template;
    }

    /** Every UID of the mailbox, ascending: what an IMAP session maps sequence numbers onto. */
    public long[] uids(long mailboxId) {
        List<Long> list = new ArrayList<>();
        template.query("SELECT uid FROM message WHERE mailbox_id = ? ORDER BY uid",
                rs -> {
                    list.add(rs.getLong(1));
                }, mailboxId);
        return list.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The lowest UID of the mailbox without \Seen, or 0 when every message is seen: SELECT's [UNSEEN n] of
     * RFC 3501 §6.3.1. One lookup on the index (mailbox_id, system_flags, uid) per value of the flag bits without
     * \Seen, each reading one entry, so the cost does not grow with the mailbox.
     */
    public long firstUnseen(long mailboxId) {
        Long uid = template.queryForObject(FIRST_UNSEEN, Long.class, UNSEEN_FLAG_VALUES.stream()
                .flatMap(v -> Stream.of((Object) mailboxId, v)).toArray());
        return uid == null ? 0 : uid;
    }

    /** Streams the messages of {@code uids} in ascending UID order. */
    public void scan(long mailboxId, UidSet uids, MessageFields fields, Consumer<MessageRecord> consumer) {
        if (uids.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "SELECT m.uid, m.modseq, m.system_flags, m.keywords, m.internal_date, m.size, m.content_id");
        if (fields.summary()) {
            sql.append(", c.summary");
        }
        if (fields.header()) {
            sql.append(", h.header");
        }
        sql.append(" FROM message m");
        if (fields.summary()) {
            sql.append(" JOIN content c ON c.id = m.content_id");
        }
        if (fields.header()) {
            // the narrow header table alone: a first sync reads no summary, digest or preview
            sql.append(" JOIN content_header h ON h.content_id = m.content_id");
        }
        sql.append(" WHERE m.mailbox_id = ? AND ");
        RowCallbackHandler row = rs -> {
            long uid = rs.getLong(1);
            if (!uids.contains(uid)) {
                return;
            }
            int col = 8;
            var summary = fields.summary() ? SummaryCodec.decode(rs.getString(col++)) : null;
            byte[] header = fields.header() ? rs.getBytes(col) : null;
            consumer.accept(new MessageRecord(uid, rs.getLong(2), Flags.fromColumns(rs.getInt(3), rs.getString(4)),
                    rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getLong(6), rs.getLong(7), summary, header));
        };
        String between = sql + "m.uid BETWEEN ? AND ? ORDER BY m.uid";
        if (!sparse(uids)) {
            template.query(connection -> {
                var ps = connection.prepareStatement(between);
                ps.setFetchSize(FETCH_SIZE);
                ps.setLong(1, mailboxId);
                ps.setLong(2, uids.min());
                ps.setLong(3, uids.max());
                return ps;
            }, row);
            return;
        }
        // A few UIDs spread over the mailbox (what the text index left for a header key to check): looked up on the
        // (mailbox, uid) index instead of every row between the first and the last read. Embedded H2 answers one
        // statement per range at no round trip (an IN list does not use the index's second column there);
        // PostgreSQL, over the network, gets them as IN lists.
        template.execute((ConnectionCallback<Void>) connection -> {
            boolean embedded = "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
            if (embedded) {
                try (var ps = connection.prepareStatement(between)) {
                    ps.setLong(1, mailboxId);
                    for (UidSet.Range r : uids.ranges()) {
                        ps.setLong(2, r.low());
                        ps.setLong(3, r.high());
                        read(ps, row);
                    }
                }
                return null;
            }
            long[] all = uids.ranges().stream().flatMapToLong(r -> LongStream.rangeClosed(r.low(), r.high())).toArray();
            for (int from = 0; from < all.length; from += IN_LIST) {
                int to = Math.min(all.length, from + IN_LIST);
                try (var ps = connection.prepareStatement(sql + "m.uid IN ("
                        + String.join(", ", Collections.nCopies(to - from, "?")) + ") ORDER BY m.uid")) {
                    ps.setLong(1, mailboxId);
                    for (int i = from; i < to; i++) {
                        ps.setLong(2 + i - from, all[i]);
                    }
                    read(ps, row);
                }
            }
            return null;
        });
    }

    private static void read(PreparedStatement ps, RowCallbackHandler row) throws SQLException {
        try (var rs = ps.executeQuery()) {
            while (rs.next()) {
                row.processRow(rs);
            }
        }
    }

    /**
     * Whether a set's ranges are worth looking up one by one: at most {@link #MAX_SPARSE} of them, holding at most
     * {@link #MAX_SPARSE_UIDS} UIDs and less than an eighth of the span from the first UID to the last; otherwise
     * the span is read in order.
     */
    static boolean sparse(UidSet uids) {
        int ranges = uids.ranges().size();
        if (ranges < 2 || ranges > MAX_SPARSE) {
            return false;
        }
        long count = 0;
        for (UidSet.Range r : uids.ranges()) {
            count += r.high() - r.low() + 1;
            if (count > MAX_SPARSE_UIDS) {
                return false;
            }
        }
        return count * 8 < uids.max() - uids.min() + 1;
    }

    /** One message, with its summary and header. */
    public Optional<MessageRecord> get(long mailboxId, long uid) {
        List<MessageRecord> found = new ArrayList<>(1);
        scan(mailboxId, UidSet.of(uid), MessageFields.SUMMARY_AND_HEADER, found::add);
        return found.stream().findFirst();
    }

    /** Messages changed after {@code modseq} (CONDSTORE FETCH CHANGEDSINCE, QRESYNC). */
    public void changedSince(long mailboxId, long modseq, Consumer<MessageRecord> consumer) {
        template.query("""
                SELECT uid, modseq, system_flags, keywords, internal_date, size, content_id FROM message
                WHERE mailbox_id = ? AND modseq > ? ORDER BY uid""",
                rs -> {
                    consumer.accept(new MessageRecord(rs.getLong(1), rs.getLong(2),
                            Flags.fromColumns(rs.getInt(3), rs.getString(4)),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getLong(6), rs.getLong(7), null, null));
                }, mailboxId, modseq);
    }

    /** UIDs expunged after {@code modseq}, ascending (QRESYNC VANISHED, RFC 7162 §3.2.10). */
    public List<Long> expungedSince(long mailboxId, long modseq) {
        return template.queryForList("SELECT uid FROM expunged_message WHERE mailbox_id = ? AND modseq > ? ORDER BY uid",
                Long.class, mailboxId, modseq);
    }
}
