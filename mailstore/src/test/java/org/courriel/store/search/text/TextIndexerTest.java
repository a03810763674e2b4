package org.courriel.store.search.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.courriel.store.StoreException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The indexer takes its queue in batches and lets a row go only once the index has committed its content. */
class TextIndexerTest {

    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private final List<TextIndex.Entry> indexed = new ArrayList<>();
    private final List<Long> committed = new ArrayList<>();
    private boolean failing;
    private boolean commitFailing;

    private final TextIndex index = new TextIndex() {
        @Override
        public void add(List<Entry> entries) {
            if (failing) {
                throw new IllegalStateException("disk gone");
            }
            indexed.addAll(entries);
        }

        @Override
        public void commit() {
            if (commitFailing) {
                throw new IllegalStateException("disk full");
            }
            indexed.stream().map(Entry::contentId).filter(id -> !committed.contains(id)).forEach(committed::add);
        }

        @Override
        public List<Long> find(long mailboxId, String needle, Scope scope) {
            return List.of();
        }
    };

    @BeforeEach
    void store() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:indexer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        for (int i = 1; i <= 5; i++) {
            jdbc.sql("INSERT INTO content (id, sha256, size, ref_count, summary, created_at) VALUES (?, ?, 1, 1, '{}', ?)")
                    .params(i, "sha" + i, OffsetDateTime.now()).update();
            jdbc.sql("INSERT INTO text_index_pending (content_id) VALUES (?)").param(i).update();
        }
    }

    @Test
    void aFailedBatchStaysQueuedAndTheNextTryTakesIt() {
        TextIndexer indexer = indexer(2, 1000);
        failing = true;
        assertThatThrownBy(indexer::indexOnce).hasMessageContaining("disk gone");
        assertThat(pending()).isEqualTo(5);
        failing = false;
        assertThat(indexer.indexOnce()).isEqualTo(2);
        assertThat(indexer.indexOnce()).isEqualTo(2);
        assertThat(indexer.indexOnce()).isEqualTo(1);
        assertThat(indexer.indexOnce()).isZero();
        assertThat(pending()).isZero();
        assertThat(indexed).extracting(TextIndex.Entry::contentId).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void rowsGoOnlyAtTheCommitWhichComesOnceTheQueueIsEmpty() {
        TextIndexer indexer = indexer(2, 1000);
        assertThat(indexer.indexOnce()).isEqualTo(2);
        assertThat(indexer.indexOnce()).as("past the held ones, not the same again").isEqualTo(2);
        assertThat(indexed).extracting(TextIndex.Entry::contentId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(committed).isEmpty();
        assertThat(pending()).isEqualTo(5);
        assertThat(indexer.indexOnce()).isEqualTo(1); // content 5 is gone: the queue is empty after it
        assertThat(committed).containsExactly(1L, 2L, 3L, 4L);
        assertThat(pending()).isZero();
    }

    @Test
    void aContentQueuedBelowTheHeldOnesIsTakenAfterTheCommit() {
        jdbc.sql("DELETE FROM text_index_pending WHERE content_id = 1").update();
        TextIndexer indexer = indexer(2, 1000);
        assertThat(indexer.indexOnce()).isEqualTo(2); // 2 and 3 held
        jdbc.sql("INSERT INTO text_index_pending (content_id) VALUES (1)").update(); // queued late, below them
        assertThat(indexer.indexOnce()).isEqualTo(2); // 4 and 5
        assertThat(indexer.indexOnce()).isZero(); // nothing past 5: the commit, and the queue read from its start
        assertThat(committed).containsExactly(2L, 3L, 4L);
        assertThat(pending()).isEqualTo(1);
        assertThat(indexer.indexOnce()).isEqualTo(1);
        assertThat(committed).containsExactly(2L, 3L, 4L, 1L);
        assertThat(pending()).isZero();
    }

    @Test
    void aQueueThatNeverEmptiesIsCommittedOnceEnoughAreHeld() {
        for (int i = 6; i <= TextIndexer.MAX_HELD + 100; i++) {
            jdbc.sql("INSERT INTO content (id, sha256, size, ref_count, summary, created_at) VALUES (?, ?, 1, 1, '{}', ?)")
                    .params(i, "sha" + i, OffsetDateTime.now()).update();
            jdbc.sql("INSERT INTO text_index_pending (content_id) VALUES (?)").param(i).update();
        }
        TextIndexer indexer = indexer(1000, 1000);
        assertThat(indexer.indexOnce()).isEqualTo(1000);
        assertThat(committed).isEmpty();
        assertThat(indexer.indexOnce()).isEqualTo(1000);
        assertThat(committed).hasSize(TextIndexer.MAX_HELD - 1); // content 5 is gone
        assertThat(pending()).isEqualTo(100);
    }

    @Test
    void aFailedCommitKeepsTheRowsAndTheNextStepCommitsThem() {
        TextIndexer indexer = indexer(10, 1000);
        commitFailing = true;
        assertThatThrownBy(indexer::indexOnce).hasMessageContaining("disk full");
        assertThat(pending()).isEqualTo(5);
        commitFailing = false;
        assertThat(indexer.indexOnce()).isZero();
        assertThat(committed).containsExactly(1L, 2L, 3L, 4L);
        assertThat(pending()).isZero();
    }

    @Test
    void aContentGoneSinceItWasQueuedIsPassedOverAndACutOneRemembered() {
        jdbc.sql("INSERT INTO content (id, sha256, size, ref_count, summary, created_at) VALUES (6, 'sha6', 1, 1, '{}', ?)")
                .params(OffsetDateTime.now()).update();
        jdbc.sql("INSERT INTO text_index_pending (content_id) VALUES (6)").update();
        TextIndexer indexer = indexer(10, 1000);
        assertThat(indexer.indexOnce()).isEqualTo(6);
        assertThat(indexed).extracting(TextIndex.Entry::contentId).containsExactly(1L, 2L, 3L, 4L, 6L);
        assertThat(jdbc.sql("SELECT content_id FROM text_index_partial").query(Long.class).list()).containsExactly(6L);
        assertThat(pending()).isZero();
    }

    @Test
    void aMessageWhoseTextCannotBeReadIsLeftToEachSearch() {
        TextIndexer indexer = new TextIndexer(index, jdbc, tx, id -> null, false, 10, 1000, Duration.ofHours(1),
                new SimpleMeterRegistry());
        assertThat(indexer.indexOnce()).isEqualTo(5);
        assertThat(pending()).isZero();
        assertThat(jdbc.sql("SELECT content_id FROM text_index_partial ORDER BY content_id").query(Long.class).list())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    private TextIndexer indexer(int batch, int maxChars) {
        return new TextIndexer(index, jdbc, tx, id -> {
            if (id == 5) {
                throw StoreException.notFound("content 5");
            }
            String body = id == 6 ? "y".repeat(maxChars + 1) : "text " + id;
            return ("Subject: " + id + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
        }, false, batch, maxChars, Duration.ofHours(1), new SimpleMeterRegistry());
    }

    private long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM text_index_pending").query(Long.class).single();
    }
}
