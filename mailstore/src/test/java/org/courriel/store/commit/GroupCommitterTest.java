package org.courriel.store.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import courriel.test.StoreTestApplication;
import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** One unit's failure never costs the other sessions of its batch their work. */
@SpringBootTest(classes = StoreTestApplication.class, properties = "courriel.store.group-commit.timeout=2s")
class GroupCommitterTest {

    @Autowired
    GroupCommitter committer;
    @Autowired
    StoreProperties properties;

    private static StoreException reasonOf(Future<?> future) {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> future.get(30, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(StoreException.class);
        return (StoreException) e.getCause();
    }

    private List<Future<Integer>> goodUnits(ExecutorService pool, int count) {
        List<Future<Integer>> good = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            good.add(pool.submit(() -> committer.execute(tx -> tx.jdbc().sql("SELECT ?").param(n).query(Integer.class).single())));
        }
        return good;
    }

    @Test
    void refusedUnitFailsAloneAndTheOthersCommit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Future<Object> refused = pool.submit(() -> committer.execute(tx -> {
            throw StoreException.invalid("refused on purpose");
        }));
        List<Future<Integer>> good = goodUnits(pool, 7);
        for (int i = 0; i < good.size(); i++) {
            assertThat(good.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(reasonOf(refused).reason()).isEqualTo(StoreException.Reason.INVALID);
        pool.shutdown();
    }

    @Test
    void unitThatKeepsMeetingLockFailuresFailsAloneAsTemporary() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Future<Object> locked = pool.submit(() -> committer.execute(tx -> {
            throw new CannotAcquireLockException("held by another node");
        }));
        List<Future<Integer>> good = goodUnits(pool, 7);
        for (int i = 0; i < good.size(); i++) {
            assertThat(good.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(reasonOf(locked).reason()).isEqualTo(StoreException.Reason.UNAVAILABLE);
        assertThatThrownBy(() -> committer.execute(tx -> {
            throw new CannotAcquireLockException("again");
        })).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE));
        pool.shutdown();
    }

    @Test
    void concurrencyFailuresRunTheBatchAgainTheConfiguredNumberOfTimesOnly() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> committer.execute(tx -> {
            runs.incrementAndGet();
            throw new CannotAcquireLockException("held by another node");
        })).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE));
        assertThat(runs).hasValue(properties.groupCommit().retries() + 1);
    }

    @Test
    void aCallerWhoseBatchDoesNotFinishHearsATemporaryFailureAfterTheTimeout() {
        CountDownLatch databaseAnswers = new CountDownLatch(1);
        long start = System.nanoTime();
        try {
            assertThatThrownBy(() -> committer.execute(tx -> {
                try {
                    databaseAnswers.await(30, TimeUnit.SECONDS); // a database that stopped answering
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            })).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(properties.groupCommit().timeout().multipliedBy(3));
        } finally {
            databaseAnswers.countDown(); // the writer goes on with the next batch
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void unavailableDatabaseFailsTheBatchAsTemporaryWithoutAStackTraceAndTheWriterGoesOn(CapturedOutput output) {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> committer.execute(tx -> {
            runs.incrementAndGet();
            throw new CannotGetJdbcConnectionException("Connection is not available, request timed out");
        })).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE));
        assertThat(runs).as("no retry: the pool has already waited its connection timeout").hasValue(1);
        assertThat(output).contains("the database is unavailable")
                .doesNotContain("ERROR").doesNotContain("\tat org.courriel");
        assertThat(committer.<Integer>execute(tx -> tx.jdbc().sql("SELECT 1").query(Integer.class).single())).isEqualTo(1);
    }
}
