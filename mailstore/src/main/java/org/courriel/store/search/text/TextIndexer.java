package org.courriel.store.search.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

import org.courriel.access.metrics.CachedReading;
import org.courriel.store.StoreException;
import org.courriel.store.lifecycle.ShutdownPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Indexes what {@code text_index_pending} lists, in the background: a content stored is queued in the
 * transaction that stores it ({@code ContentStore}), and this takes the queue in batches, in id order, until it
 * is empty, then looks again after a pause. A batch's pending rows go once the index holds it, so a crash at
 * any point only indexes some contents a second time. Until then a search reads those messages itself
 * ({@link TextSearch}), so a message is found from the moment it is stored.
 *
 * <p>On PostgreSQL, nodes share the queue: a batch is leased ({@code claimed_until}, {@link #LEASE}) in a short
 * transaction that skips rows another holds, read and parsed outside any transaction, then written one content
 * at a time, each in a transaction of its own with the removal of its pending row. No lock is held while texts
 * are read, so an expunge deleting a content of the batch (in the group commit's transaction, which several
 * sessions wait for) never waits for the batch, and the two cannot deadlock: a write locks one content's rows
 * only. A node that dies leaves its lease to run out; another takes the rows then. These writes are not synced
 * one by one ({@code synchronous_commit off}): the index is derived data, and a write lost in a crash leaves its
 * pending row too, so the content is indexed again.
 *
 * <p>On H2 the index is Lucene's, outside the database: batches are read and handed to the index, which holds them
 * until its commit; the commit comes when the queue is empty or {@link #MAX_HELD} contents are held, and only then
 * go their pending rows, in one short transaction. Until then the queue is read past the last content held, and
 * searches read the held contents themselves as they read any queued one. A crash before the commit indexes them
 * again.
 */
public final class TextIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TextIndexer.class);

    /** Most characters of text one step holds before it hands them to the index (a batch of long texts). */
    static final long MAX_CHARS_HELD = 8_000_000;

    /** H2: most contents handed to the Lucene index before it commits, when the queue never empties meanwhile. */
    static final int MAX_HELD = 2000;

    /** How long a PostgreSQL node holds the rows it took before another may take them (it died meanwhile). */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** How long one count of the queue serves scrapes. */
    static final Duration PENDING_READING_TTL = Duration.ofSeconds(10);

    private final TextIndex index;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LongFunction<byte[]> contents;
    private final boolean shared;
    private final int batch;
    private final int maxChars;
    private final Duration pause;
    private final Counter indexed;
    /** H2: the contents handed to the index since its last commit, and those of them whose text was cut. */
    private final List<Long> held = new ArrayList<>();
    private final List<Long> heldPartial = new ArrayList<>();
    /** H2: the queue is read past this content id until the next commit (0: from the start). */
    private long after;
    /** H2: one step at a time over what is held (a lock, not {@code synchronized}: Lucene's I/O under it). */
    private final ReentrantLock steps = new ReentrantLock();
    private volatile Thread thread;
    private volatile boolean running;

    /**
     * @param contents the bytes of a content by id; a {@link StoreException} when it is gone
     * @param shared   whether other nodes take from the same queue (PostgreSQL)
     */
    public TextIndexer(TextIndex index, JdbcClient jdbc, TransactionTemplate tx, LongFunction<byte[]> contents,
            boolean shared, int batch, int maxChars, Duration pause, MeterRegistry meters) {
        this.index = index;
        this.jdbc = jdbc;
        this.tx = tx;
        this.contents = contents;
        this.shared = shared;
        this.batch = batch;
        this.maxChars = maxChars;
        this.pause = pause;
        this.indexed = Counter.builder("courriel.store.text.indexed")
                .description("Message contents added to the full-text index").register(meters);
        CachedReading<Long> waiting = new CachedReading<>("the text index queue", PENDING_READING_TTL,
                () -> jdbc.sql("SELECT COUNT(*) FROM text_index_pending").query(Long.class).single());
        Gauge.builder("courriel.store.text.pending", waiting, w -> w.get() == null ? Double.NaN : w.get())
                .description("Message contents waiting for the full-text index (searches read them meanwhile)")
                .strongReference(true).register(meters);
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("text-indexer").start(this::run);
    }

    /**
     * Not stopped by an interrupt: Lucene's file channels close when their thread is interrupted, which would
     * leave the index writer unusable. A stop clears {@code running} and wakes the pause.
     */
    private void run() {
        while (running) {
            try {
                if (indexOnce() < batch) {
                    LockSupport.parkNanos(pause.toNanos());
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Full-text indexing failed, trying again in {}: {}", pause, e.toString());
                    LockSupport.parkNanos(pause.toNanos());
                }
            }
        }
        if (!shared) {
            steps.lock();
            try {
                commitHeld(); // what a clean stop held is not indexed again at the next start
            } catch (RuntimeException e) {
                log.warn("The full-text index could not commit at stop; {} messages are indexed again at the next"
                        + " start: {}", held.size(), e.toString());
            } finally {
                steps.unlock();
            }
        }
    }

    /**
     * Indexes one batch of the queue; returns how many contents it took (fewer than a batch: the queue is empty,
     * and on H2 what the index holds is committed).
     */
    public int indexOnce() {
        if (!shared) {
            steps.lock(); // the indexer's thread, and a caller draining the queue (tests) at the same time
            try {
                return indexHeld();
            } finally {
                steps.unlock();
            }
        }
        List<Long> leased = lease();
        try {
            return indexBatch(leased);
        } catch (RuntimeException e) {
            release(leased);
            throw e;
        }
    }

    /** H2: the next batch past those held, handed to the index; a commit when the queue is empty or enough are held. */
    private int indexHeld() {
        List<Long> ids = jdbc.sql("SELECT content_id FROM text_index_pending WHERE content_id > ?"
                + " ORDER BY content_id FETCH FIRST " + batch + " ROWS ONLY").param(after).query(Long.class).list();
        int taken = indexBatch(ids);
        if (!ids.isEmpty()) {
            after = ids.getLast();
        }
        if (ids.size() < batch || held.size() >= MAX_HELD) {
            commitHeld();
        }
        return taken;
    }

    /** Gives back what a failed batch left of its lease, so that the next try need not wait for it to run out. */
    private void release(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
            jdbc.sql("UPDATE text_index_pending SET claimed_until = NULL WHERE content_id IN (" + marks + ")")
                    .params(ids).update();
        } catch (RuntimeException stillFailing) {
            log.debug("The lease of a failed text index batch runs out by itself: {}", stillFailing.toString());
        }
    }

    /** PostgreSQL: the first rows of the queue no other node holds, leased to this one (committed at return). */
    private List<Long> lease() {
        List<Long> ids = tx.execute(s -> jdbc.sql("""
                UPDATE text_index_pending SET claimed_until = CURRENT_TIMESTAMP + CAST(? AS INTERVAL)
                WHERE content_id IN (SELECT content_id FROM text_index_pending
                    WHERE claimed_until IS NULL OR claimed_until < CURRENT_TIMESTAMP
                    ORDER BY content_id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED)
                RETURNING content_id""").params(LEASE.toSeconds() + " seconds", batch).query(Long.class).list());
        return ids.stream().sorted().toList();
    }

    private int indexBatch(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<TextIndex.Entry> entries = new ArrayList<>();
        List<Long> partial = new ArrayList<>();
        long chars = 0;
        int indexed = 0;
        for (long id : ids) {
            byte[] message;
            try {
                message = contents.apply(id);
            } catch (StoreException gone) {
                continue; // expunged since it was queued; its pending row went with it
            }
            IndexedText text;
            try {
                text = IndexedText.of(message, maxChars);
            } catch (RuntimeException e) {
                // Never a batch stuck on one message: it is indexed as unknown, so each search reads it itself.
                log.warn("The text of content {} could not be read for the full-text index: {}", id, e.toString());
                text = IndexedText.empty(false);
            }
            if (shared) {
                indexed += write(new TextIndex.Entry(id, text));
                continue;
            }
            entries.add(new TextIndex.Entry(id, text));
            if (!text.complete()) {
                partial.add(id);
            }
            chars += text.header().length() + text.body().length() + text.addresses().length();
            if (chars >= MAX_CHARS_HELD) {
                // a batch of long texts goes in parts: the texts of a part are held in memory together
                index.add(entries);
                indexed += entries.size();
                entries.clear();
                chars = 0;
            }
        }
        if (!shared) {
            index.add(entries);
            indexed += entries.size();
            held.addAll(ids);
            heldPartial.addAll(partial);
        }
        this.indexed.increment(indexed);
        return ids.size();
    }

    /**
     * H2: commits the index, then lets the held contents' pending rows go (and remembers the cut ones), so that the
     * queue is read from its start again; a content queued meanwhile below the last one held is taken then.
     */
    private void commitHeld() {
        if (!held.isEmpty()) {
            index.commit();
            tx.executeWithoutResult(s -> {
                for (int from = 0; from < held.size(); from += batch) {
                    List<Long> part = held.subList(from, Math.min(held.size(), from + batch));
                    String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
                    jdbc.sql("DELETE FROM text_index_pending WHERE content_id IN (" + marks + ")").params(part)
                            .update();
                }
                heldPartial.forEach(this::rememberPartial);
            });
            held.clear();
            heldPartial.clear();
        }
        after = 0;
    }

    /**
     * PostgreSQL: one content's index row, its pending row gone and, for a text cut short, its partial row, in
     * one transaction; 0 when the content was deleted meanwhile (its rows went with it).
     */
    private int write(TextIndex.Entry entry) {
        try {
            tx.executeWithoutResult(s -> {
                jdbc.sql("SET LOCAL synchronous_commit = off").update();
                index.add(List.of(entry));
                jdbc.sql("DELETE FROM text_index_pending WHERE content_id = ?").param(entry.contentId()).update();
                if (!entry.text().complete()) {
                    rememberPartial(entry.contentId());
                }
            });
            return 1;
        } catch (DataIntegrityViolationException gone) {
            return 0; // content_text's reference to a content an expunge deleted since the lease
        }
    }

    private void rememberPartial(long contentId) {
        jdbc.sql("INSERT INTO text_index_partial (content_id) SELECT id FROM content c WHERE id = ?"
                + " AND NOT EXISTS (SELECT 1 FROM text_index_partial p WHERE p.content_id = c.id)")
                .param(contentId).update();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        // The index itself closes with the context (LuceneTextIndex.close): a stopped context may start again.
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        return ShutdownPhase.STORE;
    }
}
