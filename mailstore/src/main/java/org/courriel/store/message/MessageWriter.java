package org.courriel.store.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.courriel.store.StoreException;
import org.courriel.store.content.ContentStore;
import org.courriel.store.content.MessageContent;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.mime.MessageSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SQL of every change to messages. Runs inside a transaction opened by the caller (the group committer).
 * <p>
 * Locking: each change starts by updating its mailbox row (allocating UIDs and a MODSEQ), which holds the
 * row lock until commit. So changes to one mailbox are serialised and commit in UID and MODSEQ order, and
 * a session never sees UID n+1 before UID n (RFC 9051 §2.3.1.1). Several mailboxes are locked in ascending
 * id order.
 * <p>
 * Counters: the same row keeps the mailbox's STATUS counters (messages, unseen, deleted, bytes; migration V97).
 * Every change adds its {@link CounterDelta} to them in the statement that takes the lock, or under the lock
 * after reading the rows it changes, so they equal a count of the message rows on every node and a reader needs
 * one row, not a scan.
 */
@Repository
public class MessageWriter {

    private static final int TEXT_COLUMN = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ContentStore contents;
    private final Counter appended;
    private final Counter appendedBytes;

    public MessageWriter(JdbcClient jdbc, JdbcTemplate template, ContentStore contents, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.template = template;
        this.contents = contents;
        this.appended = Counter.builder("courriel.store.appends").description("Messages appended to mailboxes")
                .register(meters);
        this.appendedBytes = Counter.builder("courriel.store.appended.bytes")
                .description("Bytes of messages appended to mailboxes").baseUnit("bytes").register(meters);
    }

    /** The head of a mailbox row after allocating UIDs: the first new UID is {@code uidNext - count}. */
    private record MailboxHead(long accountId, long uidValidity, long uidNext, long modseq) {
    }

    private MailboxHead allocate(long mailboxId, int uids, CounterDelta delta) {
        int rows = jdbc.sql("""
                UPDATE mailbox SET uid_next = uid_next + ?, highest_modseq = highest_modseq + 1,
                       message_count = message_count + ?, unseen_count = unseen_count + ?,
                       deleted_count = deleted_count + ?, total_size = total_size + ?
                WHERE id = ?""")
                .params(uids, delta.messages(), delta.unseen(), delta.deleted(), delta.bytes(), mailboxId).update();
        if (rows == 0) {
            throw StoreException.notFound("mailbox " + mailboxId);
        }
        return jdbc.sql("SELECT account_id, uid_validity, uid_next, highest_modseq FROM mailbox WHERE id = ?")
                .param(mailboxId)
                .query((rs, n) -> new MailboxHead(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** Adds to the counters of a mailbox whose row this transaction has locked already. */
    private void adjust(long mailboxId, CounterDelta delta) {
        if (delta.isNone()) {
            return;
        }
        jdbc.sql("""
                UPDATE mailbox SET message_count = message_count + ?, unseen_count = unseen_count + ?,
                       deleted_count = deleted_count + ?, total_size = total_size + ?
                WHERE id = ?""")
                .params(delta.messages(), delta.unseen(), delta.deleted(), delta.bytes(), mailboxId).update();
    }

    /** Adds bytes to the account's usage; with {@code enforce}, refuses to pass its quota (RFC 9208 §4.2). */
    private void charge(long accountId, long bytes, boolean enforce) {
        int rows = enforce
                ? jdbc.sql("UPDATE account SET used_bytes = used_bytes + ? WHERE id = ? AND (quota_bytes = 0 OR used_bytes + ? <= quota_bytes)")
                        .params(bytes, accountId, bytes).update()
                : jdbc.sql("UPDATE account SET used_bytes = used_bytes + ? WHERE id = ?").params(bytes, accountId).update();
        if (rows == 0) {
            throw new StoreException(StoreException.Reason.OVER_QUOTA, "the mailbox is over its quota");
        }
    }

    public AppendResult append(long mailboxId, MessageContent content, Flags flags, Instant internalDate,
            Consumer<MailboxEvent> events) {
        return append(mailboxId, content, flags, internalDate, events, true);
    }

    /**
     * @param enforceQuota refuse past the account's quota (APPEND); false for a delivery, whose quota was checked
     *                     when the recipient was accepted (RCPT), as {@link #deliver} does
     */
    public AppendResult append(long mailboxId, MessageContent content, Flags flags, Instant internalDate,
            Consumer<MailboxEvent> events, boolean enforceQuota) {
        MailboxHead head = allocate(mailboxId, 1, CounterDelta.added(flags, content.size()));
        charge(head.accountId(), content.size(), enforceQuota);
        long contentId = contents.reference(content, 1);
        long uid = head.uidNext() - 1;
        insert(mailboxId, uid, head.modseq(), contentId, flags, internalDate, content.size(), content.summary());
        count(1, content.size());
        events.accept(new MailboxEvent.MessagesAdded(head.accountId(), mailboxId, List.of(uid), head.modseq()));
        return new AppendResult(mailboxId, head.uidValidity(), uid, head.modseq());
    }

    public List<AppendResult> deliver(MessageContent content, List<Long> mailboxIds, Instant internalDate,
            Consumer<MailboxEvent> events) {
        TreeSet<Long> ordered = new TreeSet<>(mailboxIds);
        if (ordered.isEmpty()) {
            return List.of();
        }
        List<AppendResult> results = new ArrayList<>();
        List<MailboxHead> heads = new ArrayList<>();
        for (long mailboxId : ordered) {
            MailboxHead head = allocate(mailboxId, 1, CounterDelta.added(Flags.NONE, content.size()));
            charge(head.accountId(), content.size(), false);
            heads.add(head);
        }
        long contentId = contents.reference(content, ordered.size());
        int i = 0;
        for (long mailboxId : ordered) {
            MailboxHead head = heads.get(i++);
            long uid = head.uidNext() - 1;
            insert(mailboxId, uid, head.modseq(), contentId, Flags.NONE, internalDate, content.size(), content.summary());
            events.accept(new MailboxEvent.MessagesAdded(head.accountId(), mailboxId, List.of(uid), head.modseq()));
            results.add(new AppendResult(mailboxId, head.uidValidity(), uid, head.modseq()));
        }
        count(ordered.size(), content.size() * ordered.size());
        return results;
    }

    private void count(int messages, long bytes) {
        appended.increment(messages);
        appendedBytes.increment(bytes);
    }

    private void insert(long mailboxId, long uid, long modseq, long contentId, Flags flags, Instant internalDate,
            long size, MessageSummary s) {
        checkKeywords(flags);
        jdbc.sql("""
                INSERT INTO message (mailbox_id, uid, modseq, content_id, system_flags, keywords, internal_date, size,
                                     sent_date, subject, from_address, to_address, has_attachment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(mailboxId, uid, modseq, contentId, flags.system(), flags.keywordColumn(), utc(internalDate), size,
                        s.sentDate() == null ? null : utc(s.sentDate()), clip(s.subject()), clip(s.fromAddress()),
                        clip(s.toAddress()), s.hasAttachment())
                .update();
    }

    private static void checkKeywords(Flags flags) {
        if (flags.keywords().size() > Flags.MAX_KEYWORDS
                || flags.keywords().stream().anyMatch(k -> k.length() > Flags.MAX_KEYWORD_LENGTH)) {
            throw StoreException.invalid("too many or too long keywords (at most " + Flags.MAX_KEYWORDS + " of "
                    + Flags.MAX_KEYWORD_LENGTH + " characters)");
        }
    }

    /** One message row as COPY, MOVE and EXPUNGE need it. */
    private record Row(long id, long uid, long contentId, Flags flags, Instant internalDate, long size) {
    }

    private List<Row> rows(long mailboxId, UidSet uids) {
        List<Row> rows = new ArrayList<>();
        if (uids.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                SELECT id, uid, content_id, system_flags, keywords, internal_date, size FROM message
                WHERE mailbox_id = ? AND uid BETWEEN ? AND ? ORDER BY uid""")
                .params(mailboxId, uids.min(), uids.max())
                .query(rs -> {
                    long uid = rs.getLong(2);
                    if (uids.contains(uid)) {
                        rows.add(new Row(rs.getLong(1), uid, rs.getLong(3), Flags.fromColumns(rs.getInt(4), rs.getString(5)),
                                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getLong(7)));
                    }
                });
        return rows;
    }

    /** COPY (RFC 9051 §6.4.7): flags and internal date go with the copies; the content is shared. */
    public CopyResult copy(long sourceId, UidSet uids, long destinationId, Consumer<MailboxEvent> events) {
        return copy(sourceId, uids, destinationId, UnaryOperator.identity(), events);
    }

    /**
     * COPY keeping of each message's flags only what {@code permitted} leaves (RFC 4314 §4: the flags the user
     * has no right to set in the destination are dropped).
     */
    public CopyResult copy(long sourceId, UidSet uids, long destinationId, UnaryOperator<Flags> permitted,
            Consumer<MailboxEvent> events) {
        lock(sourceId, destinationId);
        return copyRows(sourceId, rows(sourceId, uids), destinationId, true, permitted, events);
    }

    /**
     * Locks mailbox rows in ascending id order before their messages are read, so that another node's
     * expunge cannot remove rows between the read and the write.
     */
    private void lock(long... mailboxIds) {
        long[] ids = java.util.Arrays.stream(mailboxIds).distinct().sorted().toArray();
        for (long id : ids) {
            jdbc.sql("SELECT id FROM mailbox WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
        }
    }

    private CopyResult copyRows(long sourceId, List<Row> rows, long destinationId, boolean chargeQuota,
            UnaryOperator<Flags> permitted, Consumer<MailboxEvent> events) {
        if (rows.isEmpty()) {
            MailboxHead head = jdbc.sql("SELECT account_id, uid_validity, uid_next, highest_modseq FROM mailbox WHERE id = ?")
                    .param(destinationId)
                    .query((rs, n) -> new MailboxHead(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                    .optional().orElseThrow(() -> StoreException.notFound("mailbox " + destinationId));
            return new CopyResult(head.uidValidity(), List.of(), List.of());
        }
        List<Flags> copied = rows.stream().map(row -> permitted.apply(row.flags())).toList();
        CounterDelta delta = CounterDelta.NONE;
        for (int i = 0; i < rows.size(); i++) {
            delta = delta.plus(CounterDelta.added(copied.get(i), rows.get(i).size()));
        }
        MailboxHead head = allocate(destinationId, rows.size(), delta);
        charge(head.accountId(), delta.bytes(), chargeQuota);
        long uid = head.uidNext() - rows.size();
        List<Long> sourceUids = new ArrayList<>();
        List<Long> destinationUids = new ArrayList<>();
        List<Object[]> batch = new ArrayList<>();
        Map<Long, Integer> references = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            sourceUids.add(row.uid());
            destinationUids.add(uid);
            Flags flags = copied.get(i);
            batch.add(new Object[] {destinationId, uid, head.modseq(), row.contentId(), flags.system(),
                flags.keywordColumn(), utc(row.internalDate()), row.size(), row.id()});
            references.merge(row.contentId(), 1, Integer::sum);
            uid++;
        }
        template.batchUpdate("""
                INSERT INTO message (mailbox_id, uid, modseq, content_id, system_flags, keywords, internal_date, size,
                                     sent_date, subject, from_address, to_address, has_attachment)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, sent_date, subject, from_address, to_address, has_attachment
                FROM message WHERE id = ?""", batch);
        references.forEach(contents::addReferences);
        events.accept(new MailboxEvent.MessagesAdded(head.accountId(), destinationId, destinationUids, head.modseq()));
        return new CopyResult(head.uidValidity(), sourceUids, destinationUids);
    }

    /**
     * MOVE (RFC 6851 §3.1): a copy and an expunge of the source messages, in one transaction. Into the same
     * mailbox too, since COPY may (RFC 9051 §6.4.7): new UIDs, then the old ones expunged (RFC 6851 §3.3).
     */
    public CopyResult move(long sourceId, UidSet uids, long destinationId, Consumer<MailboxEvent> events) {
        return move(sourceId, uids, destinationId, UnaryOperator.identity(), events);
    }

    /**
     * MOVE keeping of each message's flags what {@code permitted} leaves (RFC 4314 §4, RFC 6851 §4.2). Between
     * two accounts' mailboxes (a shared folder) the destination's owner is charged, as the source's is refunded.
     */
    public CopyResult move(long sourceId, UidSet uids, long destinationId, UnaryOperator<Flags> permitted,
            Consumer<MailboxEvent> events) {
        lock(sourceId, destinationId);
        List<Row> rows = rows(sourceId, uids);
        boolean otherAccount = jdbc.sql("SELECT COUNT(DISTINCT account_id) FROM mailbox WHERE id IN (?, ?)")
                .params(sourceId, destinationId).query(Long.class).single() > 1;
        CopyResult result = copyRows(sourceId, rows, destinationId, otherAccount, permitted, events);
        remove(sourceId, rows, events);
        return result;
    }

    /**
     * EXPUNGE (RFC 9051 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1): removes the messages flagged \Deleted,
     * within {@code uids} when given.
     *
     * @return the expunged UIDs, ascending
     */
    public List<Long> expunge(long mailboxId, UidSet uids, Consumer<MailboxEvent> events) {
        lock(mailboxId);
        List<Row> deleted = rows(mailboxId, uids == null ? UidSet.ALL : uids).stream()
                .filter(r -> r.flags().has(SystemFlag.DELETED)).toList();
        return remove(mailboxId, deleted, events);
    }

    /** Removes messages whatever their flags (MOVE, REST delete). */
    public List<Long> remove(long mailboxId, UidSet uids, Consumer<MailboxEvent> events) {
        lock(mailboxId);
        return remove(mailboxId, rows(mailboxId, uids), events);
    }

    private List<Long> remove(long mailboxId, List<Row> rows, Consumer<MailboxEvent> events) {
        if (rows.isEmpty()) {
            return List.of();
        }
        CounterDelta delta = CounterDelta.NONE;
        for (Row row : rows) {
            delta = delta.plus(CounterDelta.removed(row.flags(), row.size()));
        }
        MailboxHead head = allocate(mailboxId, 0, delta);
        List<Object[]> ids = new ArrayList<>();
        List<Object[]> tombstones = new ArrayList<>();
        Map<Long, Integer> references = new HashMap<>();
        long bytes = 0;
        for (Row row : rows) {
            ids.add(new Object[] {row.id()});
            tombstones.add(new Object[] {mailboxId, row.uid(), head.modseq()});
            references.merge(row.contentId(), 1, Integer::sum);
            bytes += row.size();
        }
        template.batchUpdate("DELETE FROM message WHERE id = ?", ids);
        template.batchUpdate("INSERT INTO expunged_message (mailbox_id, uid, modseq) VALUES (?, ?, ?)", tombstones);
        references.forEach(contents::release);
        jdbc.sql("UPDATE account SET used_bytes = used_bytes - ? WHERE id = ?").params(bytes, head.accountId()).update();
        List<Long> uids = rows.stream().map(Row::uid).toList();
        events.accept(new MailboxEvent.MessagesExpunged(head.accountId(), mailboxId, uids, head.modseq()));
        return uids;
    }

    /**
     * STORE (RFC 9051 §6.4.6) with CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3): every message whose flags
     * change gets one new MODSEQ.
     */
    public FlagUpdate storeFlags(long mailboxId, UidSet uids, FlagChange change, Long unchangedSince,
            Consumer<MailboxEvent> events) {
        return storeFlags(mailboxId, uids, change, unchangedSince, events, (current, next) -> next);
    }

    /**
     * STORE where {@code restrict} decides, from a message's current flags and those the change would give it,
     * what it gets: the flags a user may not change keep their value (RFC 4314 §4).
     */
    public FlagUpdate storeFlags(long mailboxId, UidSet uids, FlagChange change, Long unchangedSince,
            Consumer<MailboxEvent> events, java.util.function.BinaryOperator<Flags> restrict) {
        checkKeywords(change.flags());
        MailboxHead head = allocate(mailboxId, 0, CounterDelta.NONE);
        CounterDelta[] delta = {CounterDelta.NONE};
        List<FlagUpdate.MessageFlags> changed = new ArrayList<>();
        List<FlagUpdate.MessageFlags> unchanged = new ArrayList<>();
        List<Long> modified = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        jdbc.sql("SELECT id, uid, modseq, system_flags, keywords FROM message WHERE mailbox_id = ? AND uid BETWEEN ? AND ? ORDER BY uid")
                .params(mailboxId, uids.min(), uids.max())
                .query(rs -> {
                    long uid = rs.getLong(2);
                    if (!uids.contains(uid)) {
                        return;
                    }
                    long modseq = rs.getLong(3);
                    Flags current = Flags.fromColumns(rs.getInt(4), rs.getString(5));
                    if (unchangedSince != null && modseq > unchangedSince) {
                        modified.add(uid);
                        return;
                    }
                    Flags next = restrict.apply(current, change.apply(current));
                    if (next.equals(current)) {
                        unchanged.add(new FlagUpdate.MessageFlags(uid, current, modseq));
                        return;
                    }
                    checkKeywords(next);
                    delta[0] = delta[0].plus(CounterDelta.flagsChanged(current, next));
                    updates.add(new Object[] {next.system(), next.keywordColumn(), head.modseq(), rs.getLong(1)});
                    changed.add(new FlagUpdate.MessageFlags(uid, next, head.modseq()));
                });
        template.batchUpdate("UPDATE message SET system_flags = ?, keywords = ?, modseq = ? WHERE id = ?", updates);
        adjust(mailboxId, delta[0]);
        if (!changed.isEmpty()) {
            events.accept(new MailboxEvent.FlagsChanged(head.accountId(), mailboxId,
                    changed.stream().map(FlagUpdate.MessageFlags::uid).toList(), head.modseq(),
                    changed.stream().map(m -> m.flags().values()).toList()));
        }
        return new FlagUpdate(changed, unchanged, modified);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        if (text == null || text.length() <= TEXT_COLUMN) {
            return text;
        }
        return text.substring(0, TEXT_COLUMN);
    }
}
