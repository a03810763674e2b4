package org.courriel.mta.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.mta.MtaTestApplication;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.delivery.OutboundQueue;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FakeSmtpServer;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.content.MessageContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stopping node gives its queue claims back: node A's delivery hangs on a remote that never answers the
 * final dot; A is shut down (its context closed, as on SIGTERM) with a short grace, and node B, on the same
 * database, delivers the recipient at once, long before A's 15-minute lease would have ended. The abandoned
 * transfer counts no attempt.
 */
class WorkerStopReleasesClaimsTest {

    private static final String RECIPIENT = "r@slow.example";

    private final FakeSmtpServer remote = FakeSmtpServer.start("slow");
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final CountDownLatch releaseHungTransfer = new CountDownLatch(1);

    private ConfigurableApplicationContext node(String url, String name) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MtaTestApplication.class)
                .run("--spring.datasource.url=" + url, "--courriel.queue.node-id=" + name,
                        "--courriel.queue.lease=15m", "--courriel.listeners.shutdown-grace=1s",
                        "--courriel.relay.timeouts.data-termination=10m",
                        "--courriel.relay.routes[slow.example]=" + remote.route(), "--spring.main.banner-mode=off");
        nodes.add(context);
        return context;
    }

    @AfterEach
    void stop() {
        releaseHungTransfer.countDown();
        nodes.forEach(ConfigurableApplicationContext::close);
        remote.close();
    }

    @Test
    void anotherNodeTakesTheRecipientAtOnceWhenTheClaimingNodeStops() throws Exception {
        CountDownLatch transferHangs = new CountDownLatch(1);
        AtomicInteger transfers = new AtomicInteger();
        remote.dataReply = recipients -> {
            if (transfers.incrementAndGet() == 1) {
                transferHangs.countDown();
                await(releaseHungTransfer); // the first transfer never hears its reply while node A lives
            }
            return "250 2.0.0 queued";
        };
        String url = "jdbc:h2:mem:stop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ConfigurableApplicationContext a = node(url, "node-a");
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        enqueue(a);
        assertThat(transferHangs.await(30, TimeUnit.SECONDS)).as("node A is sending").isTrue();
        assertThat(jdbc.sql("SELECT claim_token FROM queue_recipient").query(String.class).single())
                .startsWith("node-a/");

        ConfigurableApplicationContext b = node(url, "node-b");
        long stopping = System.nanoTime();
        a.close();
        Duration stopTook = Duration.ofNanos(System.nanoTime() - stopping);
        assertThat(stopTook).as("node A stops within its grace and a margin").isLessThan(Duration.ofSeconds(6));
        JdbcClient jdbcB = b.getBean(JdbcClient.class);
        assertThat(jdbcB.sql("SELECT COUNT(*) FROM queue_recipient WHERE claim_token LIKE 'node-a/%'"
                + " OR (claimed_until IS NOT NULL AND claim_token IS NULL)").query(Long.class).single())
                .as("node A left no claim behind").isZero();

        Await.until("node B delivered", Duration.ofSeconds(10), () -> "DELIVERED".equals(
                jdbcB.sql("SELECT state FROM queue_recipient").query(String.class).single()));
        assertThat(transfers).as("the abandoned transfer, then node B's").hasValue(2);
        assertThat(remote.to(RECIPIENT)).as("node B's transfer was answered").hasSize(1);
        assertThat(jdbcB.sql("SELECT attempts FROM queue_recipient").query(Integer.class).single())
                .as("the abandoned transfer counts no attempt").isEqualTo(1);
        assertThat(jdbcB.sql("SELECT node FROM queue_attempt").query(String.class).list()).containsExactly("node-b");
    }

    private static void enqueue(ConfigurableApplicationContext node) {
        byte[] message = "From: sender@elsewhere.example\r\nSubject: slow\r\n\r\nbody\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        node.getBean(GroupCommitter.class).execute(tx -> {
            node.getBean(OutboundQueue.class).enqueue(tx, MessageContent.of(message), new MailEnvelope(
                    "sender@elsewhere.example", List.of(EnvelopeRecipient.of(RECIPIENT)), null, null, false, false),
                    List.of(EnvelopeRecipient.of(RECIPIENT)));
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
