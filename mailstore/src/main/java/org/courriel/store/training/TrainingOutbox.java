package org.courriel.store.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.content.ContentStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Records the user's classifications in the caller's transaction and hands them to the worker that teaches
 * the filter (package documentation: the rules, the storage, the claims).
 */
@Service
public class TrainingOutbox {

    /** RFC 5788 registry: the keyword a client sets on mail its user calls junk. */
    public static final String JUNK_KEYWORD = "$Junk";
    /** RFC 5788 registry: the keyword a client sets on mail its user calls not junk. */
    public static final String NOT_JUNK_KEYWORD = "$NotJunk";

    private static final int ERROR_COLUMN = 300;

    private final JdbcClient jdbc;
    private final ContentStore contents;
    private final GroupCommitter committer;
    private final TransactionTemplate claims;
    private final Clock clock;
    private final boolean enabled;

    @Autowired
    public TrainingOutbox(JdbcClient jdbc, ContentStore contents, GroupCommitter committer,
            PlatformTransactionManager transactions, Environment environment) {
        this(jdbc, contents, committer, transactions, learningEnabled(environment), Clock.systemUTC());
    }

    public TrainingOutbox(JdbcClient jdbc, ContentStore contents, GroupCommitter committer,
            PlatformTransactionManager transactions, boolean enabled, Clock clock) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.committer = committer;
        this.claims = new TransactionTemplate(transactions);
        this.claims.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = enabled;
        this.clock = clock;
    }

    /**
     * {@code courriel.spam.rspamd.learn.enabled}, by default on when rspamd is configured: read here by name, as
     * the mta's {@code SpamProperties} documents it, since the store cannot depend on the mta.
     */
    static boolean learningEnabled(Environment environment) {
        boolean rspamd = StringUtils.hasText(environment.getProperty("courriel.spam.rspamd.url"));
        return environment.getProperty("courriel.spam.rspamd.learn.enabled", Boolean.class, rspamd);
    }

    public boolean enabled() {
        return enabled;
    }

    // ---- the rules (package documentation), for MessageService's hook ----------------------------------------

    /** The verdict of appending a message with {@code keywords} to a mailbox, or null: it teaches nothing. */
    public TrainingVerdict verdictOfAppend(long mailboxId, Collection<String> keywords) {
        TrainingVerdict byKeyword = verdictOfKeywords(keywords);
        if (byKeyword != null) {
            return byKeyword;
        }
        return role(mailboxId).junk() ? TrainingVerdict.SPAM : null;
    }

    /** The verdict of copying or moving from one mailbox to another, or null. */
    public TrainingVerdict verdictOfCopy(long sourceMailboxId, long destinationMailboxId) {
        MailboxRole source = role(sourceMailboxId);
        MailboxRole destination = role(destinationMailboxId);
        if (destination.junk() && !source.junk()) {
            return TrainingVerdict.SPAM;
        }
        return source.junk() && !destination.junk() && !destination.trash() ? TrainingVerdict.HAM : null;
    }

    /** The verdict of adding {@code keywords} to a message: {@code $Junk} spam, {@code $NotJunk} ham, else null. */
    public static TrainingVerdict verdictOfKeywords(Collection<String> keywords) {
        if (keywords.stream().anyMatch(JUNK_KEYWORD::equalsIgnoreCase)) {
            return TrainingVerdict.SPAM;
        }
        return keywords.stream().anyMatch(NOT_JUNK_KEYWORD::equalsIgnoreCase) ? TrainingVerdict.HAM : null;
    }

    /** The keyword that teaches {@code verdict}. */
    public static String keyword(TrainingVerdict verdict) {
        return verdict == TrainingVerdict.SPAM ? JUNK_KEYWORD : NOT_JUNK_KEYWORD;
    }

    /** A mailbox's part in training. */
    record MailboxRole(long accountId, boolean junk, boolean trash) {
    }

    /** By its special use (RFC 6154 §2: the store keeps the enum's name), else by the usual name. */
    private MailboxRole role(long mailboxId) {
        return jdbc.sql("SELECT account_id, name, special_use FROM mailbox WHERE id = ?").param(mailboxId)
                .query((rs, n) -> {
                    String name = rs.getString(2);
                    String use = rs.getString(3);
                    boolean junk = "JUNK".equals(use) || (use == null && "Junk".equalsIgnoreCase(name));
                    boolean trash = "TRASH".equals(use) || (use == null && "Trash".equalsIgnoreCase(name));
                    return new MailboxRole(rs.getLong(1), junk, trash);
                })
                .optional().orElse(new MailboxRole(0, false, false));
    }

    /** The UIDs between {@code min} and {@code max} whose message lacks {@code keyword}. */
    public Set<Long> lacking(long mailboxId, long min, long max, String keyword) {
        Set<Long> lacking = new HashSet<>();
        jdbc.sql("SELECT uid, keywords FROM message WHERE mailbox_id = ? AND uid BETWEEN ? AND ?")
                .params(mailboxId, min, max)
                .query(rs -> {
                    String keywords = rs.getString(2);
                    if (keywords == null || Arrays.stream(keywords.split(" ")).noneMatch(keyword::equalsIgnoreCase)) {
                        lacking.add(rs.getLong(1));
                    }
                });
        return lacking;
    }

    /**
     * Records {@code verdict} for the messages {@code uids} of a mailbox, in the caller's transaction: one row per
     * distinct content; an unclaimed row of the same message and account takes the new verdict.
     */
    public void record(long mailboxId, List<Long> uids, TrainingVerdict verdict) {
        if (uids.isEmpty()) {
            return;
        }
        long accountId = role(mailboxId).accountId();
        Set<Long> contentIds = new LinkedHashSet<>();
        long min = uids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = uids.stream().mapToLong(Long::longValue).max().orElseThrow();
        Set<Long> wanted = Set.copyOf(uids);
        jdbc.sql("SELECT uid, content_id FROM message WHERE mailbox_id = ? AND uid BETWEEN ? AND ? ORDER BY uid")
                .params(mailboxId, min, max)
                .query(rs -> {
                    if (wanted.contains(rs.getLong(1))) {
                        contentIds.add(rs.getLong(2));
                    }
                });
        long now = clock.millis();
        for (long contentId : contentIds) {
            int replaced = jdbc.sql("UPDATE spam_training SET verdict = ?, attempts = 0, next_attempt = ?, last_error = NULL"
                    + " WHERE account_id = ? AND content_id = ? AND claimed_by IS NULL")
                    .params(verdict.name(), now, accountId, contentId).update();
            if (replaced == 0) {
                jdbc.sql("INSERT INTO spam_training (account_id, content_id, verdict, attempts, next_attempt, created_at)"
                        + " VALUES (?, ?, ?, 0, ?, ?)").params(accountId, contentId, verdict.name(), now, now).update();
                contents.addReferences(contentId, 1);
            }
        }
    }

    // ---- the worker's side ---------------------------------------------------------------------------------

    /** Claims up to {@code limit} due rows for {@code token} for {@code lease}; two claimants never share a row. */
    public List<TrainingTask> claim(String token, int limit, Duration lease) {
        long now = clock.millis();
        return claims.execute(status -> {
            List<Long> ids = jdbc.sql("SELECT id FROM spam_training WHERE next_attempt <= ?"
                    + " AND (claimed_until IS NULL OR claimed_until < ?)"
                    + " ORDER BY next_attempt FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                    .params(now, now).query(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
            jdbc.sql("UPDATE spam_training SET claimed_by = ?, claimed_until = ? WHERE id IN (" + in + ")"
                    + " AND (claimed_until IS NULL OR claimed_until < ?)")
                    .params(token, now + lease.toMillis(), now).update();
            return jdbc.sql("SELECT t.id, t.claimed_by, a.address, t.content_id, t.verdict, t.attempts"
                    + " FROM spam_training t LEFT JOIN account a ON a.id = t.account_id"
                    + " WHERE t.claimed_by = ? AND t.id IN (" + in + ") ORDER BY t.next_attempt, t.id")
                    .param(token)
                    .query((rs, n) -> new TrainingTask(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            TrainingVerdict.valueOf(rs.getString(5)), rs.getInt(6)))
                    .list();
        });
    }

    /** The message's exact bytes, as the filter learns them. */
    public byte[] message(TrainingTask task) {
        return contents.bytes(task.contentId());
    }

    /** Learned (or dropped): the row goes, and with it its reference on the content. */
    public void finish(TrainingTask task) {
        committer.execute(tx -> {
            int deleted = jdbc.sql("DELETE FROM spam_training WHERE id = ? AND claimed_by = ?")
                    .params(task.id(), task.claimedBy()).update();
            if (deleted == 1) {
                contents.release(task.contentId(), 1);
            }
            return deleted;
        });
    }

    /**
     * The account goes: its rows go first, each releasing its reference on the content (the account's cascade would
     * drop the rows and leave the references, so the content would never be collected). A worker holding one of
     * them finds it gone and releases nothing ({@link #finish}).
     */
    public void forget(long accountId) {
        committer.execute(tx -> {
            List<Long> held = jdbc.sql("SELECT content_id FROM spam_training WHERE account_id = ?")
                    .param(accountId).query(Long.class).list();
            int deleted = jdbc.sql("DELETE FROM spam_training WHERE account_id = ?").param(accountId).update();
            if (deleted == held.size()) {
                held.forEach(contentId -> contents.release(contentId, 1));
            }
            return deleted;
        });
    }

    /** Not learned this time: the row is given back for another attempt at {@code next}. */
    public void retry(TrainingTask task, Instant next, String error) {
        String cut = error == null || error.length() <= ERROR_COLUMN ? error : error.substring(0, ERROR_COLUMN);
        claims.executeWithoutResult(status -> jdbc.sql("UPDATE spam_training SET attempts = attempts + 1,"
                + " next_attempt = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")
                .params(next.toEpochMilli(), cut, task.id(), task.claimedBy()).update());
    }

    /** Gives back every row {@code token} still holds (a stopping worker), for another node to take at once. */
    public int abandon(String token) {
        return claims.execute(status -> jdbc.sql(
                "UPDATE spam_training SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?")
                .param(token).update());
    }

    /** A row as operators and tests see it. */
    public record Entry(long accountId, long contentId, TrainingVerdict verdict, int attempts, String lastError) {
    }

    /** Every row of one account, oldest first. */
    public List<Entry> entries(long accountId) {
        return jdbc.sql("SELECT account_id, content_id, verdict, attempts, last_error FROM spam_training"
                + " WHERE account_id = ? ORDER BY id").param(accountId)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), TrainingVerdict.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getString(5)))
                .list();
    }

    /** Rows waiting, claimed or not (a gauge). */
    public long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM spam_training").query(Long.class).single();
    }

}
