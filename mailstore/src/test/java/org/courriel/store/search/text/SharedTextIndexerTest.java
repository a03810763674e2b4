package org.courriel.store.search.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.courriel.store.testing.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The indexer of nodes sharing one PostgreSQL store: it holds no lock while it reads and indexes a batch, so
 * an expunge of a content in the batch goes through at once (it used to wait for the whole batch, in the group
 * commit's transaction, and could deadlock with it), and a batch one node leased is not taken by another until
 * the lease runs out.
 */
class SharedTextIndexerTest {

    private DataSource ds;
    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private final CountDownLatch readingTwo = new CountDownLatch(1);
    private final CountDownLatch goOn = new CountDownLatch(1);

    @BeforeEach
    void store() {
        ds = new DriverManagerDataSource(EmbeddedPostgres.newDatabase(), "postgres", "postgres");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        for (int i = 1; i <= 3; i++) {
            jdbc.sql("INSERT INTO content (id, sha256, size, ref_count, summary, created_at) VALUES (?, ?, 1, 1, '{}', ?)")
                    .params(i, "sha" + i, OffsetDateTime.now()).update();
            jdbc.sql("INSERT INTO text_index_pending (content_id) VALUES (?)").param(i).update();
        }
    }

    @Test
    void anExpungeDuringABatchDoesNotWaitForItAndAnotherNodeLeavesTheBatchAlone() throws Exception {
        CompletableFuture<Integer> batch = CompletableFuture.supplyAsync(() -> indexer(true).indexOnce());
        assertThat(readingTwo.await(30, TimeUnit.SECONDS)).isTrue();

        // the batch is being read: content 3, in it, goes as an expunge of its last message deletes it
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = '5s'");
            s.execute("DELETE FROM content WHERE id = 3");
        }
        // a second node finds nothing to take: the three rows are leased
        assertThat(indexer(false).indexOnce()).isZero();

        goOn.countDown();
        assertThat(batch.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT content_id FROM content_text ORDER BY content_id").query(Long.class).list())
                .containsExactly(1L, 2L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM text_index_pending").query(Long.class).single()).isZero();
    }

    @Test
    void rowsOfALeaseThatRanOutAreTakenAgain() {
        jdbc.sql("UPDATE text_index_pending SET claimed_until = CURRENT_TIMESTAMP - INTERVAL '1 second'"
                + " WHERE content_id = 1").update();
        jdbc.sql("UPDATE text_index_pending SET claimed_until = CURRENT_TIMESTAMP + INTERVAL '1 hour'"
                + " WHERE content_id = 2").update();
        assertThat(indexer(false).indexOnce()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT content_id FROM content_text ORDER BY content_id").query(Long.class).list())
                .containsExactly(1L, 3L);
        assertThat(jdbc.sql("SELECT content_id FROM text_index_pending").query(Long.class).list()).containsExactly(2L);
    }

    @Test
    void aBatchThatFailsGivesItsLeaseBack() {
        TextIndexer failing = new TextIndexer(new TextIndex() {
            @Override
            public void add(java.util.List<Entry> entries) {
                throw new IllegalStateException("disk gone");
            }

            @Override
            public java.util.List<Long> find(long mailboxId, String needle, Scope scope) {
                return java.util.List.of();
            }
        }, jdbc, tx, id -> ("Subject: " + id + "\r\n\r\ntext").getBytes(StandardCharsets.UTF_8), true, 10, 1000,
                Duration.ofHours(1), new SimpleMeterRegistry());
        assertThatThrownBy(failing::indexOnce).hasMessageContaining("disk gone");
        // the next try, on this node or another, takes the batch at once
        assertThat(indexer(false).indexOnce()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM content_text").query(Long.class).single()).isEqualTo(3);
    }

    /** A node's indexer; {@code pauseAtTwo}: its read of content 2 waits until the test lets it go on. */
    private TextIndexer indexer(boolean pauseAtTwo) {
        return new TextIndexer(new PostgresTextIndex(jdbc), jdbc, tx, id -> {
            if (pauseAtTwo && id == 2) {
                readingTwo.countDown();
                try {
                    goOn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ("Subject: " + id + "\r\n\r\ntext " + id).getBytes(StandardCharsets.UTF_8);
        }, true, 10, 1000, Duration.ofHours(1), new SimpleMeterRegistry());
    }
}
