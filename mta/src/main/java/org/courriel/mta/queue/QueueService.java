package org.courriel.mta.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.courriel.store.commit.GroupCommitter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue for operators (the REST admin endpoints build on it): list entries with filters, show one with
 * its attempts, retry now, delete.
 */
public class QueueService {

    private final JdbcClient jdbc;
    private final QueueRepository repository;
    private final GroupCommitter committer;
    private final ObjectProvider<QueueWorker> worker;
    private final Clock clock;

    public QueueService(JdbcClient jdbc, QueueRepository repository, GroupCommitter committer,
            ObjectProvider<QueueWorker> worker, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.committer = committer;
        this.worker = worker;
        this.clock = clock;
    }

    /** Entries matching {@code filter}, newest first. */
    public List<QueueEntry> list(QueueFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT m.id FROM queue_message m WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.state() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM queue_recipient r WHERE r.message_id = m.id AND r.state = ?)");
            params.add(filter.state().name());
        }
        if (filter.recipientDomain() != null && !filter.recipientDomain().isBlank()) {
            sql.append(" AND EXISTS (SELECT 1 FROM queue_recipient r WHERE r.message_id = m.id AND r.domain = ?)");
            params.add(filter.recipientDomain().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.sender() != null && !filter.sender().isBlank()) {
            sql.append(" AND LOWER(m.sender) LIKE ?");
            params.add("%" + likeEscape(filter.sender().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.finished() != null) {
            sql.append(filter.finished() ? " AND m.finished_at IS NOT NULL" : " AND m.finished_at IS NULL");
        }
        if (filter.beforeId() != null) {
            sql.append(" AND m.id < ?");
            params.add(filter.beforeId());
        }
        sql.append(" ORDER BY m.id DESC FETCH FIRST ").append(filter.limit()).append(" ROWS ONLY");
        List<Long> ids = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
        return entries(ids);
    }

    /** One entry with its attempts, oldest first. */
    public Optional<QueueEntryDetail> show(long id) {
        List<QueueEntry> entries = entries(List.of(id));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<QueueAttempt> attempts = jdbc.sql("SELECT a.recipient_id, r.address, a.attempted_at, a.node, a.remote_host,"
                + " a.code, a.status, a.reply, a.outcome FROM queue_attempt a JOIN queue_recipient r ON r.id = a.recipient_id"
                + " WHERE a.message_id = ? ORDER BY a.attempted_at, a.id")
                .param(id)
                .query((rs, n) -> new QueueAttempt(rs.getLong(1), rs.getString(2), QueueRepository.instant(rs, "attempted_at"),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
        return Optional.of(new QueueEntryDetail(entries.get(0), attempts));
    }

    /**
     * Makes the entry's waiting recipients due now and wakes the worker.
     *
     * @return the number of recipients made due (0: no such entry, or nothing waiting)
     */
    public int retryNow(long id) {
        Instant now = clock.instant();
        int updated = committer.execute(tx -> jdbc.sql("UPDATE queue_recipient SET next_attempt_at = ?"
                + " WHERE message_id = ? AND state IN ('QUEUED', 'DEFERRED') AND dsn_pending IS NULL")
                .params(QueueRepository.time(now), id).update());
        if (updated > 0) {
            worker.ifAvailable(QueueWorker::wakeUp);
        }
        return updated;
    }

    /**
     * Removes the entry without notifying the sender and releases its content. A recipient being delivered at
     * that moment may still reach its server.
     *
     * @return false when there is no such entry
     */
    public boolean delete(long id) {
        return committer.execute(tx -> repository.delete(id));
    }

    private List<QueueEntry> entries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = QueueRepository.inList(ids);
        Map<Long, List<QueueEntry.Recipient>> recipients = new LinkedHashMap<>();
        Instant now = clock.instant();
        jdbc.sql("SELECT id, message_id, address, state, attempts, next_attempt_at, last_code, last_status, last_reply,"
                + " last_host, claimed_until FROM queue_recipient WHERE message_id IN (" + in + ") ORDER BY id")
                .query((rs, n) -> {
                    recipients.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>())
                            .add(recipient(rs, now));
                    return null;
                }).list();
        List<QueueEntry> entries = new ArrayList<>();
        Map<Long, QueueEntry> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT id, sender, created_at, size, env_id, finished_at FROM queue_message WHERE id IN (" + in + ")")
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    byId.put(id, new QueueEntry(id, rs.getString("sender"), QueueRepository.instant(rs, "created_at"),
                            rs.getLong("size"), rs.getString("env_id"), QueueRepository.instant(rs, "finished_at"),
                            recipients.getOrDefault(id, List.of())));
                    return null;
                }).list();
        for (Long id : ids) {
            QueueEntry e = byId.get(id);
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    private static QueueEntry.Recipient recipient(ResultSet rs, Instant now) throws SQLException {
        Integer code = (Integer) rs.getObject("last_code", Integer.class);
        String reply = code == null ? null : code + (rs.getString("last_status") == null ? "" : " " + rs.getString("last_status"))
                + (rs.getString("last_reply") == null || rs.getString("last_reply").isEmpty() ? "" : " " + rs.getString("last_reply"));
        Instant claimedUntil = QueueRepository.instant(rs, "claimed_until");
        return new QueueEntry.Recipient(rs.getLong("id"), rs.getString("address"),
                RecipientState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                QueueRepository.instant(rs, "next_attempt_at"), code, reply, rs.getString("last_host"),
                claimedUntil != null && claimedUntil.isAfter(now));
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
