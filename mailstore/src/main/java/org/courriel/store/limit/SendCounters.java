package org.courriel.store.limit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts what accounts and domains send, per hour, in the store: one row per (scope, subject, hour).
 * <p>
 * The last hour is estimated from two rows, this hour's and the one before, the earlier weighted by how much of it
 * still lies within the last sixty minutes (a sliding window), rounded up so that a sender at the limit stays
 * there across the turn of the hour. {@link #admit} locks the rows it reads ({@code FOR UPDATE}, in a fixed
 * order so that two senders cannot deadlock), so two nodes counting the same sender take turns, and a limit
 * holds across nodes exactly.
 */
@Service
public class SendCounters {

    private static final long HOUR = 3600;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate own;
    private final Clock clock;

    @Autowired
    public SendCounters(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, Clock.systemUTC());
    }

    public SendCounters(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Counts one message to {@code recipients} recipients against every limit, or none of them when any limit
     * would be exceeded.
     */
    public SendAdmission admit(List<SendLimit> limits, int recipients) {
        long now = clock.instant().getEpochSecond();
        long hour = now / HOUR;
        double earlierWeight = 1.0 - (double) (now % HOUR) / HOUR;
        List<SendLimit> ordered = new ArrayList<>(limits);
        ordered.sort(Comparator.comparing(SendLimit::scope).thenComparing(SendLimit::subject));
        ordered.forEach(limit -> ensureRow(limit, hour));
        return tx.execute(status -> {
            for (SendLimit limit : ordered) {
                SendUsage usage = lockAndRead(limit, hour, earlierWeight);
                boolean overMessages = limit.messagesPerHour() > 0 && usage.messages() + 1 > limit.messagesPerHour();
                boolean overRecipients = limit.recipientsPerHour() > 0
                        && usage.recipients() + recipients > limit.recipientsPerHour();
                if (overMessages || overRecipients) {
                    status.setRollbackOnly();
                    return new SendAdmission.Refused(limit, usage);
                }
            }
            for (SendLimit limit : ordered) {
                jdbc.sql("UPDATE send_counter SET messages = messages + 1, recipients = recipients + ? "
                        + "WHERE scope = ? AND subject = ? AND hour_index = ?")
                        .params(recipients, limit.scope(), limit.subject(), hour).update();
            }
            return new SendAdmission.Admitted();
        });
    }

    /** The counter's estimate of the last hour, zero when it has none. */
    public SendUsage usage(String scope, String subject) {
        long now = clock.instant().getEpochSecond();
        long hour = now / HOUR;
        double earlierWeight = 1.0 - (double) (now % HOUR) / HOUR;
        return estimate(scope, subject, hour, earlierWeight, false);
    }

    /** Every counter with something counted in the last two hours, largest first. */
    public List<SendUsage> all() {
        long now = clock.instant().getEpochSecond();
        long hour = now / HOUR;
        double earlierWeight = 1.0 - (double) (now % HOUR) / HOUR;
        return jdbc.sql("SELECT DISTINCT scope, subject FROM send_counter WHERE hour_index >= ? ORDER BY scope, subject")
                .param(hour - 1)
                .query((rs, i) -> estimate(rs.getString(1), rs.getString(2), hour, earlierWeight, false)).list()
                .stream().sorted(Comparator.comparingLong(SendUsage::messages).reversed()).toList();
    }

    /** Forgets what a counter holds (an admin lifting a limit for a sender that was stopped). */
    public int reset(String scope, String subject) {
        return jdbc.sql("DELETE FROM send_counter WHERE scope = ? AND subject = ?").params(scope, subject).update();
    }


    /**
     * This hour's row, created in a transaction of its own: when two nodes create it at once, one insert fails on
     * the primary key, which on PostgreSQL would abort the transaction it ran in.
     */
    private void ensureRow(SendLimit limit, long hour) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM send_counter WHERE scope = ? AND subject = ? AND hour_index = ?")
                .params(limit.scope(), limit.subject(), hour).query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            own.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO send_counter (scope, subject, hour_index, messages, recipients) VALUES (?, ?, ?, 0, 0)")
                        .params(limit.scope(), limit.subject(), hour).update();
                // The hours no estimate reads any more go with the first message of a new hour: two rows per sender.
                jdbc.sql("DELETE FROM send_counter WHERE scope = ? AND subject = ? AND hour_index < ?")
                        .params(limit.scope(), limit.subject(), hour - 1).update();
            });
        } catch (DuplicateKeyException raced) {
            // another session created it first: just as good
        }
    }

    private SendUsage lockAndRead(SendLimit limit, long hour, double earlierWeight) {
        return estimate(limit.scope(), limit.subject(), hour, earlierWeight, true);
    }

    private SendUsage estimate(String scope, String subject, long hour, double earlierWeight, boolean lock) {
        record Row(long hour, long messages, long recipients) {
        }
        List<Row> rows = jdbc.sql("SELECT hour_index, messages, recipients FROM send_counter WHERE scope = ? AND subject = ? "
                + "AND hour_index IN (?, ?) ORDER BY hour_index" + (lock ? " FOR UPDATE" : ""))
                .params(scope, subject, hour - 1, hour)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
        Optional<Row> current = rows.stream().filter(r -> r.hour() == hour).findFirst();
        Optional<Row> earlier = rows.stream().filter(r -> r.hour() == hour - 1).findFirst();
        long messages = current.map(Row::messages).orElse(0L)
                + (long) Math.ceil(earlier.map(Row::messages).orElse(0L) * earlierWeight);
        long recipients = current.map(Row::recipients).orElse(0L)
                + (long) Math.ceil(earlier.map(Row::recipients).orElse(0L) * earlierWeight);
        return new SendUsage(scope, subject, messages, recipients);
    }
}
