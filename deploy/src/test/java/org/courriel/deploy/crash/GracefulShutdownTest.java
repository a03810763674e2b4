package org.courriel.deploy.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.courriel.deploy.testing.OfflineAdmin;
import org.courriel.deploy.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM under load: the server takes SMTP deliveries on several sessions and relays queued mail to a slow
 * remote MTA when it is told to stop. It must exit within its grace and a margin, with the status Spring Boot
 * gives a JVM ended by SIGTERM, leave no queue claim behind, and, started again on the same data, hold every
 * message it acknowledged exactly once and deliver the queued recipients at once (a claim left behind would
 * hold them for the whole lease).
 */
class GracefulShutdownTest {

    private static final int SMTP_SESSIONS = 6;
    private static final int REMOTE_MESSAGES = 8;
    private static final String REMOTE = "far@remote.test";
    private static final Duration GRACE = Duration.ofSeconds(3);
    /** JVM, connection pool and database closing after the phases; generous for a loaded build machine. */
    private static final Duration EXIT_MARGIN = Duration.ofSeconds(12);

    @Test
    void sigtermFinishesAcknowledgedWorkAndLeavesNoQueueClaim() throws Exception {
        Files.createDirectories(Path.of("target/crash"));
        Path data = Files.createTempDirectory(Path.of("target/crash").toAbsolutePath(), "sigterm-");
        OfflineAdmin.run(data, List.of(), "domain", "add", "crash.test");
        OfflineAdmin.run(data, List.of(), "user", "add", CrashCampaignTest.USER, "--password",
                CrashCampaignTest.PASSWORD);
        Ledger ledger = new Ledger();
        List<String> expectedRemote = new ArrayList<>();

        // the remote is slow to answer each message: at SIGTERM one transfer is on the wire and the rest wait
        try (CountingRemoteMta remote = new CountingRemoteMta(Duration.ofMillis(700))) {
            List<String> settings = List.of(
                    "courriel.relay.routes[remote.test]=" + remote.route(),
                    "courriel.queue.poll-interval=200ms",
                    "courriel.queue.max-connections=1", // one transfer at a time: the rest wait in the queue
                    "courriel.queue.lease=10m", // longer than this test: only a released claim lets the restart deliver
                    "courriel.listeners.shutdown-grace=" + GRACE.toSeconds() + "s");
            remote.open();
            CountDownLatch firstRemoteDelivery = remote.countDeliveries(1);
            try (ServerProcess server = CrashCampaignTest.server(data, settings)) {
                ledger.killAfter(10);
                ExecutorService clients = Executors.newFixedThreadPool(SMTP_SESSIONS);
                List<Future<?>> sessions = new ArrayList<>();
                try {
                    for (int i = 0; i < SMTP_SESSIONS; i++) {
                        sessions.add(clients.submit(new SmtpLoad(server.smtpPort, "smtp" + i, i, ledger)));
                    }
                    try (Submission submission = new Submission(server.submissionPort, CrashCampaignTest.USER,
                            CrashCampaignTest.PASSWORD)) {
                        for (int i = 0; i < REMOTE_MESSAGES; i++) {
                            String id = "relayed-" + i;
                            submission.send(CrashCampaignTest.USER, List.of(REMOTE), message(id));
                            expectedRemote.add("<" + id + "@crash.test> " + REMOTE);
                        }
                    }
                    assertThat(firstRemoteDelivery.await(60, TimeUnit.SECONDS)).as("the queue delivers").isTrue();
                    assertThat(ledger.awaitKillMoment(60)).as("the server takes load").isTrue();

                    long stopping = System.nanoTime();
                    int status = server.terminate(GRACE.plus(EXIT_MARGIN));
                    System.out.printf("graceful shutdown test: exited %d after %d ms; %d acknowledged%n", status,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping), ledger.acknowledged.size());
                    // a JVM that ran its shutdown hooks after SIGTERM exits 128 + 15
                    assertThat(status).as("exit status after SIGTERM").isIn(0, 143);
                    for (Future<?> session : sessions) {
                        session.get(30, TimeUnit.SECONDS); // a reply other than 250 or 421 4.3.2 fails here
                    }
                } finally {
                    clients.shutdownNow();
                }
            }
            assertThat(ledger.shutdownNotices).as("sessions were told 421 4.3.2").hasPositiveValue();
            assertThat(log(data)).as("a graceful shutdown logs no error").doesNotContain(" ERROR ");
            assertNoClaimAndWorkLeft(data);

            int deliveredBeforeStop = remote.deliveries.size();
            try (ServerProcess server = CrashCampaignTest.server(data, settings)) {
                CrashCampaignTest.check(server, ledger);
                awaitEveryRecipient(remote, expectedRemote);
            }
            remote.counts().forEach((key, n) -> assertThat(n).as("%s delivered once", key).isEqualTo(1));
            System.out.printf("graceful shutdown test: %d of %d relayed before SIGTERM%n", deliveredBeforeStop,
                    expectedRemote.size());
        }
    }

    /**
     * Reads the stopped server's H2 file: no recipient holds a claim token or lease, and some are still waiting
     * (the queue was interrupted, so the restart has work to take at once).
     */
    private static void assertNoClaimAndWorkLeft(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("courriel"), "sa", "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM queue_recipient"
                    + " WHERE claim_token IS NOT NULL OR claimed_until IS NOT NULL")) {
                rs.next();
                assertThat(rs.getLong(1)).as("queue recipients still claimed after the shutdown").isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM queue_recipient"
                    + " WHERE state IN ('QUEUED', 'DEFERRED')")) {
                rs.next();
                assertThat(rs.getLong(1)).as("recipients left for the restart").isPositive();
            }
        }
    }

    /** Waits until every expected (message, recipient) reached the remote, far sooner than the lease. */
    private static void awaitEveryRecipient(CountingRemoteMta remote, List<String> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (!remote.deliveries.keySet().containsAll(expected)) {
            assertThat(System.nanoTime()).as("all recipients delivered after the restart; missing: %s",
                    expected.stream().filter(k -> !remote.deliveries.containsKey(k)).toList()).isLessThan(deadline);
            remote.countDeliveries(1).await(1, TimeUnit.SECONDS);
        }
    }

    private static String log(Path data) throws Exception {
        return Files.readString(data.resolveSibling(data.getFileName() + ".log"), StandardCharsets.UTF_8);
    }

    private static byte[] message(String id) {
        return ("From: <" + CrashCampaignTest.USER + ">\r\nTo: <" + REMOTE + ">\r\nSubject: " + id
                + "\r\nMessage-ID: <" + id + "@crash.test>\r\n\r\nRelayed across a graceful stop.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
