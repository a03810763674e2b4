package org.courriel.mta.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.courriel.mta.MtaTestApplication;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.delivery.OutboundQueue;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.content.MessageContent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How claiming behaves on each database: rows another transaction has locked are skipped, not waited for
 * ({@code FOR UPDATE SKIP LOCKED}, which H2 2.x implements like PostgreSQL); a claimed row is nobody else's
 * until its lease ends; then another node takes it over. No worker runs here: the test claims by hand.
 */
@SpringBootTest(classes = MtaTestApplication.class, properties = "courriel.queue.workers=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ClaimContract {

    @Autowired
    QueueRepository repository;
    @Autowired
    OutboundQueue queue;
    @Autowired
    GroupCommitter committer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void skipsLockedRowsAndHoldsClaimsUntilTheLeaseEnds() throws Exception {
        committer.execute(tx -> {
            for (int i = 0; i < 4; i++) {
                String rcpt = "r" + i + "@claims.example";
                byte[] message = ("Subject: claim " + i + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
                queue.enqueue(tx, MessageContent.of(message), new MailEnvelope("s@elsewhere.example",
                        List.of(EnvelopeRecipient.of(rcpt)), null, null, false, false), List.of(EnvelopeRecipient.of(rcpt)));
            }
            return null;
        });
        Instant now = Instant.now().plusSeconds(1);
        Instant until = now.plus(Duration.ofMinutes(15));

        // another node is in the middle of its claim: two rows locked, transaction open
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate other = new TransactionTemplate(transactions);
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor(); // not the common pool: it may have one thread
        CompletableFuture<List<Long>> held = CompletableFuture.supplyAsync(() -> other.execute(status -> {
            List<Long> ids = jdbc.sql("SELECT id FROM queue_recipient ORDER BY id FETCH FIRST 2 ROWS ONLY"
                    + " FOR UPDATE SKIP LOCKED").query(Long.class).list();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids;
        }), threads);
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

        List<Long> mine = CompletableFuture.supplyAsync(() -> ids(repository.claimDue("a", now, until, 10)), threads)
                .get(10, TimeUnit.SECONDS); // skipped, not waited for
        release.countDown();
        List<Long> lockedIds = held.get(10, TimeUnit.SECONDS);
        assertThat(mine).hasSize(2).doesNotContainAnyElementsOf(lockedIds);

        // the other transaction ended without claiming: its rows are free, the claimed ones are not
        assertThat(ids(repository.claimDue("b", now, until, 10))).containsExactlyInAnyOrderElementsOf(lockedIds);
        assertThat(repository.claimDue("c", now, until, 10)).isEmpty();

        // a node that died holding its claims: after the lease, another node takes the work over
        Instant afterLease = until.plusSeconds(1);
        assertThat(repository.claimDue("d", afterLease, afterLease.plus(Duration.ofMinutes(15)), 10)).hasSize(4);
    }

    private static List<Long> ids(List<QueuedRecipient> recipients) {
        return recipients.stream().map(QueuedRecipient::id).toList();
    }
}
