package org.courriel.mta.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.EnvelopeRecipient.Notify;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.store.account.Addresses;
import org.courriel.store.content.ContentStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue's SQL. Writes that must be durable run inside a group-commit unit (the caller's); claims run in
 * their own short transaction, since a lost claim only delays work until its lease ends.
 * <p>
 * Claiming is {@code SELECT ... FOR UPDATE SKIP LOCKED} followed by setting a claim token and lease on the
 * rows selected, in one transaction. PostgreSQL skips rows another node has locked; H2 2.x supports the same
 * clause with the same meaning (checked by the queue tests). The UPDATE repeats the lease condition, so even
 * a database that ignored SKIP LOCKED would hand each row to one claimant only.
 */
public class QueueRepository {

    static final String RECIPIENT_COLUMNS = "r.id, r.message_id, r.address, r.domain, r.notify, r.orcpt, r.attempts, "
            + "r.delay_notified, m.content_id, m.sender, m.ret, m.env_id, m.smtp_utf8, m.eight_bit, m.size, m.created_at, "
            + "m.require_tls, m.tls_optional";

    private final JdbcClient jdbc;
    private final ContentStore contents;
    private final TransactionTemplate claims;

    public QueueRepository(JdbcClient jdbc, ContentStore contents, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.claims = new TransactionTemplate(transactions);
        this.claims.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Inserts a message and its recipients; call inside the caller's transaction. */
    public long insert(long contentId, MailEnvelope envelope, List<EnvelopeRecipient> recipients, long size,
            Instant now, String logId) {
        return insert(contentId, envelope, recipients, size, now, logId, true, false);
    }

    /**
     * @param senderVerified whether a notification may go to the sender (V76, no backscatter)
     * @param tlsOptional    the message says {@code TLS-Required: No} (RFC 8689 §3)
     */
    public long insert(long contentId, MailEnvelope envelope, List<EnvelopeRecipient> recipients, long size,
            Instant now, String logId, boolean senderVerified, boolean tlsOptional) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO queue_message (content_id, sender, ret, env_id, smtp_utf8, eight_bit, size, created_at, "
                + "log_id, sender_verified, require_tls, tls_optional) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(contentId, envelope.reversePath(), envelope.ret() == null ? null : envelope.ret().name(),
                        envelope.envId(), envelope.smtpUtf8(), envelope.eightBit(), size, time(now), logId,
                        senderVerified, envelope.requireTls(), tlsOptional && !envelope.requireTls())
                .update(key, "id");
        long messageId = key.getKeyAs(Long.class);
        for (EnvelopeRecipient rcpt : recipients) {
            jdbc.sql("INSERT INTO queue_recipient (message_id, address, domain, notify, orcpt, state, attempts, "
                    + "next_attempt_at, delay_notified) VALUES (?, ?, ?, ?, ?, ?, 0, ?, FALSE)")
                    .params(messageId, rcpt.address(), Addresses.domainOf(rcpt.address()), notify(rcpt.notifyOn()),
                            rcpt.orcpt(), RecipientState.QUEUED.name(), time(now))
                    .update();
        }
        return messageId;
    }

    /** Claims due recipients for {@code token} until {@code until}; returns them with their messages. */
    public List<QueuedRecipient> claimDue(String token, Instant now, Instant until, int limit) {
        return claim("r.state IN ('QUEUED', 'DEFERRED') AND r.next_attempt_at <= ? AND r.dsn_pending IS NULL",
                time(now), token, now, until, limit);
    }

    /** Claims recipients whose notification was left unsent by a worker that stopped or crashed. */
    public List<QueuedRecipient> claimPendingNotifications(String token, Instant now, Instant until, int limit) {
        // claim() adds the lease condition: a notification whose claim expired or was given back is taken
        return claim("r.dsn_pending IS NOT NULL", null, token, now, until, limit);
    }

    private List<QueuedRecipient> claim(String condition, Object conditionParam, String token, Instant now,
            Instant until, int limit) {
        return claims.execute(status -> {
            List<Object> params = new ArrayList<>();
            if (conditionParam != null) {
                params.add(conditionParam);
            }
            params.add(time(now));
            List<Long> ids = jdbc.sql("SELECT r.id FROM queue_recipient r WHERE " + condition
                    + " AND (r.claimed_until IS NULL OR r.claimed_until < ?)"
                    + " ORDER BY r.next_attempt_at FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                    .params(params).query(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            jdbc.sql("UPDATE queue_recipient SET claim_token = ?, claimed_until = ? WHERE id IN (" + inList(ids)
                    + ") AND (claimed_until IS NULL OR claimed_until < ?)")
                    .params(token, time(until), time(now)).update();
            return claimed(token);
        });
    }

    /** The recipients {@code token} holds, with their messages. */
    public List<QueuedRecipient> claimed(String token) {
        return jdbc.sql("SELECT " + RECIPIENT_COLUMNS + " FROM queue_recipient r JOIN queue_message m ON m.id = r.message_id"
                + " WHERE r.claim_token = ? ORDER BY r.message_id, r.id")
                .param(token).query(QueueRepository::recipient).list();
    }

    /**
     * A notification due for one recipient, with what the DSN reports.
     *
     * @param senderVerified the sender may be notified (V76): it was authenticated or passed SPF/DMARC
     */
    public record PendingNotice(long recipientId, QueuedMessage message, String address, String orcpt, String action,
            Integer lastCode, String lastStatus, String lastReply, String lastHost, Instant lastAttemptAt,
            boolean senderVerified) {
    }

    /** The notifications due on recipients {@code token} holds. */
    public List<PendingNotice> pendingNotices(String token) {
        return jdbc.sql("SELECT r.id, r.message_id, r.address, r.orcpt, r.dsn_pending, r.last_code, r.last_status,"
                + " r.last_reply, r.last_host, r.last_attempt_at, m.content_id, m.sender, m.ret, m.env_id, m.smtp_utf8,"
                + " m.eight_bit, m.size, m.created_at, m.sender_verified, m.require_tls, m.tls_optional"
                + " FROM queue_recipient r JOIN queue_message m ON m.id = r.message_id"
                + " WHERE r.claim_token = ? AND r.dsn_pending IS NOT NULL ORDER BY r.message_id, r.id")
                .param(token)
                .query((rs, n) -> {
                    String ret = rs.getString("ret");
                    QueuedMessage message = new QueuedMessage(rs.getLong("message_id"),
                            (Long) rs.getObject("content_id", Long.class), rs.getString("sender"),
                            ret == null ? null : MailEnvelope.Ret.valueOf(ret), rs.getString("env_id"),
                            rs.getBoolean("smtp_utf8"), rs.getBoolean("eight_bit"), rs.getLong("size"),
                            instant(rs, "created_at"), rs.getBoolean("require_tls"), rs.getBoolean("tls_optional"));
                    return new PendingNotice(rs.getLong("id"), message, rs.getString("address"), rs.getString("orcpt"),
                            rs.getString("dsn_pending"), (Integer) rs.getObject("last_code", Integer.class),
                            rs.getString("last_status"), rs.getString("last_reply"), rs.getString("last_host"),
                            instant(rs, "last_attempt_at"), rs.getBoolean("sender_verified"));
                })
                .list();
    }

    /** Extends the lease of every recipient {@code token} still holds (a long delivery is still alive). */
    public void extendClaims(String token, Instant until) {
        claims.executeWithoutResult(status -> jdbc.sql(
                "UPDATE queue_recipient SET claimed_until = ? WHERE claim_token = ?").params(time(until), token).update());
    }

    /** Gives back every claim of {@code token} (work done or not started). */
    public void releaseClaims(String token) {
        claims.executeWithoutResult(status -> jdbc.sql(
                "UPDATE queue_recipient SET claim_token = NULL, claimed_until = NULL WHERE claim_token = ? AND dsn_pending IS NULL")
                .param(token).update());
    }

    /**
     * Gives back every claim of {@code token}, notifications left unsent included: a stopping node hands its
     * work over at once; a notification given back is taken by the next node's housekeeping.
     */
    public int abandonClaims(String token) {
        return claims.execute(status -> jdbc.sql(
                "UPDATE queue_recipient SET claim_token = NULL, claimed_until = NULL WHERE claim_token = ?")
                .param(token).update());
    }

    /**
     * The outcome of one attempt, in the caller's group-commit unit. Nothing is written when the recipient is
     * gone (an operator deleted the entry meanwhile) or already final.
     */
    public void recordAttempt(long recipientId, QueuedMessage message, RecipientUpdate update, String node,
            Instant now) {
        int updated = jdbc.sql("UPDATE queue_recipient SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ?,"
                + " last_code = ?, last_status = ?, last_reply = ?, last_host = ?, dsn_pending = ?,"
                + " delay_notified = (delay_notified OR ?), finished_at = ?,"
                + " claim_token = CASE WHEN ? THEN claim_token ELSE NULL END,"
                + " claimed_until = CASE WHEN ? THEN claimed_until ELSE NULL END"
                + " WHERE id = ? AND state IN ('QUEUED', 'DEFERRED')")
                .params(update.state().name(), time(update.nextAttempt() != null ? update.nextAttempt() : now), time(now),
                        update.reply().code(), update.reply().status(), cut(update.reply().text(), 1000),
                        cut(update.host(), 300), update.dsn(), update.delayNotice(),
                        update.state().isFinal() ? time(now) : null,
                        update.dsn() != null, update.dsn() != null, recipientId)
                .update();
        if (updated == 0) {
            return;
        }
        jdbc.sql("INSERT INTO queue_attempt (message_id, recipient_id, attempted_at, node, remote_host, code, status, reply,"
                + " outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(message.id(), recipientId, time(now), cut(node, 100), cut(update.host(), 300),
                        update.reply().code(), update.reply().status(), cut(update.reply().text(), 1000),
                        update.outcome())
                .update();
    }

    /** Marks notifications sent and gives the recipients back; in the caller's group-commit unit. */
    public void notificationsSent(List<Long> recipientIds) {
        if (recipientIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE queue_recipient SET dsn_pending = NULL, claim_token = NULL, claimed_until = NULL WHERE id IN ("
                + inList(recipientIds) + ")").update();
    }

    /**
     * Finishes a message whose recipients are all final with no notification left: drops the queue's reference
     * on the content. The message row is locked first, so two nodes finishing its last recipients at the same
     * moment release the content once. In the caller's group-commit unit.
     */
    public boolean finishIfDone(long messageId, Instant now) {
        List<Long> content = jdbc.sql("SELECT content_id FROM queue_message WHERE id = ? FOR UPDATE")
                .param(messageId).query((rs, n) -> (Long) rs.getObject(1, Long.class)).list();
        if (content.isEmpty() || content.get(0) == null) {
            return false;
        }
        long open = jdbc.sql("SELECT COUNT(*) FROM queue_recipient WHERE message_id = ?"
                + " AND (state IN ('QUEUED', 'DEFERRED') OR dsn_pending IS NOT NULL)")
                .param(messageId).query(Long.class).single();
        if (open > 0) {
            return false;
        }
        jdbc.sql("UPDATE queue_message SET content_id = NULL, finished_at = ? WHERE id = ?").params(time(now), messageId)
                .update();
        contents.release(content.get(0), 1);
        return true;
    }

    /** Deletes a message and its recipients, releasing the content if still held; in a group-commit unit. */
    public boolean delete(long messageId) {
        List<Long> content = jdbc.sql("SELECT content_id FROM queue_message WHERE id = ? FOR UPDATE")
                .param(messageId).query((rs, n) -> (Long) rs.getObject(1, Long.class)).list();
        if (content.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM queue_message WHERE id = ?").param(messageId).update();
        if (content.get(0) != null) {
            contents.release(content.get(0), 1);
        }
        return true;
    }

    /** Removes finished entries older than {@code before}; returns how many. */
    public int purgeFinished(Instant before) {
        return claims.execute(status -> jdbc.sql(
                "DELETE FROM queue_message WHERE finished_at IS NOT NULL AND finished_at < ? AND content_id IS NULL")
                .param(time(before)).update());
    }

    /**
     * The mail log's queue ids of these queue entries; an entry queued before the ids were kept has
     * {@code Q} and its number.
     */
    public Map<Long, String> logIds(java.util.Collection<Long> messageIds) {
        Map<Long, String> ids = new java.util.HashMap<>();
        if (messageIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("SELECT id, log_id FROM queue_message WHERE id IN (" + inList(List.copyOf(messageIds)) + ")")
                .query((rs, n) -> ids.put(rs.getLong(1), rs.getString(2) == null ? "Q" + rs.getLong(1) : rs.getString(2)))
                .list();
        messageIds.forEach(id -> ids.putIfAbsent(id, "Q" + id));
        return ids;
    }

    /** Recipients per state, for the queue-size gauges. */
    public Map<RecipientState, Long> countByState() {
        Map<RecipientState, Long> counts = new EnumMap<>(RecipientState.class);
        for (RecipientState s : RecipientState.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT state, COUNT(*) FROM queue_recipient GROUP BY state")
                .query((rs, n) -> Map.entry(RecipientState.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** When the oldest message with a recipient still to deliver (queued or deferred) was queued. */
    public Optional<Instant> oldestWaiting() {
        List<OffsetDateTime> oldest = jdbc.sql("SELECT MIN(m.created_at) FROM queue_message m"
                + " JOIN queue_recipient r ON r.message_id = m.id WHERE r.state IN ('QUEUED', 'DEFERRED')")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).list();
        return oldest.stream().filter(Objects::nonNull).findFirst().map(OffsetDateTime::toInstant);
    }

    static QueuedRecipient recipient(ResultSet rs, int row) throws SQLException {
        String ret = rs.getString("ret");
        QueuedMessage message = new QueuedMessage(rs.getLong("message_id"), (Long) rs.getObject("content_id", Long.class),
                rs.getString("sender"), ret == null ? null : MailEnvelope.Ret.valueOf(ret), rs.getString("env_id"),
                rs.getBoolean("smtp_utf8"), rs.getBoolean("eight_bit"), rs.getLong("size"), instant(rs, "created_at"),
                rs.getBoolean("require_tls"), rs.getBoolean("tls_optional"));
        return new QueuedRecipient(rs.getLong("id"), message, rs.getString("address"), rs.getString("domain"),
                notifyOf(rs.getString("notify")), rs.getString("orcpt"), rs.getInt("attempts"),
                rs.getBoolean("delay_notified"));
    }

    static String notify(Set<Notify> notify) {
        return notify == null || notify.isEmpty() ? null
                : notify.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<Notify> notifyOf(String value) {
        if (value == null || value.isEmpty()) {
            return Set.of();
        }
        EnumSet<Notify> set = EnumSet.noneOf(Notify.class);
        Arrays.stream(value.split(",")).map(Notify::valueOf).forEach(set::add);
        return Set.copyOf(set);
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String inList(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
