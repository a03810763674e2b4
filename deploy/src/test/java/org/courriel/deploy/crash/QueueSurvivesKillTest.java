package org.courriel.deploy.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.courriel.deploy.testing.OfflineAdmin;
import org.courriel.deploy.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * The outbound queue under SIGKILL: the server relays to a slow scripted remote MTA and is killed in the
 * middle of its transfers, then started again on the same data.
 * <ul>
 * <li>Every recipient the server accepted is delivered at least once, none is lost; and at most once, except
 * for the one transfer per connection that the remote had accepted when the server died before it could
 * record that (RFC 5321 §6.1 prefers the duplicate to a loss; see the queue's package documentation).</li>
 * <li>A recipient whose server answers 4xx for ever fails when its lifetime ends, and its sender gets exactly
 * one delivery status notification (RFC 3464), kill or no kill.</li>
 * </ul>
 */
class QueueSurvivesKillTest {

    private static final int MESSAGES = 40;
    private static final List<String> RECIPIENTS = List.of("r1@remote.test", "r2@remote.test", "r3@remote.test");
    private static final String DOOMED = "doomed@greylist.test";
    /**
     * How long a queued message lives. The hopeless recipient must be tried more than once before it expires, and
     * its tries start only when the remote opens; a kill soon after, and a restart slowed by a busy machine (a
     * second JVM's start, Flyway, the store), took more than 8 s in CI: so a lifetime well above a slow restart.
     */
    private static final Duration LIFETIME = Duration.ofSeconds(30);

    @Test
    void queuedRecipientsAreDeliveredOnceAndTheHopelessOneBouncedOnceAcrossSigkill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.printf("queue crash test: -Dcrash.seed=%d%n", seed);
        Random random = new Random(seed);
        Files.createDirectories(Path.of("target/crash"));
        Path data = Files.createTempDirectory(Path.of("target/crash").toAbsolutePath(), "queue-");
        OfflineAdmin.run(data, List.of(), "domain", "add", "crash.test");
        OfflineAdmin.run(data, List.of(), "user", "add", CrashCampaignTest.USER, "--password",
                CrashCampaignTest.PASSWORD);

        try (CountingRemoteMta remote = new CountingRemoteMta(Duration.ofMillis(20))) {
            List<String> settings = List.of(
                    "courriel.relay.routes[remote.test]=" + remote.route(),
                    "courriel.relay.routes[greylist.test]=" + remote.route(),
                    "courriel.queue.poll-interval=200ms",
                    "courriel.queue.lease=10s", // above a connection's transfers; the dead node's claims end soon
                    "courriel.queue.retry.intervals=500ms",
                    "courriel.queue.retry.expire-after=" + LIFETIME.toSeconds() + "s");
            List<String> expected = new ArrayList<>();
            var killAt = remote.countDeliveries(1 + random.nextInt(MESSAGES * RECIPIENTS.size() / 2));
            try (ServerProcess server = CrashCampaignTest.server(data, settings);
                    Submission submission = new Submission(server.submissionPort, CrashCampaignTest.USER,
                            CrashCampaignTest.PASSWORD)) {
                submission.send(CrashCampaignTest.USER, List.of(DOOMED), message("doomed"));
                for (int i = 0; i < MESSAGES; i++) {
                    String id = "queued-" + i;
                    submission.send(CrashCampaignTest.USER, RECIPIENTS, message(id));
                    RECIPIENTS.forEach(r -> expected.add("<" + id + "@crash.test> " + r));
                }
                remote.open(); // everything is queued: deliveries start now, the kill falls among them
                assertThat(killAt.await(60, TimeUnit.SECONDS)).as("the queue delivers").isTrue();
                server.kill();
            }
            int deliveredBeforeKill = remote.deliveries.size();

            try (ServerProcess server = CrashCampaignTest.server(data, settings)) {
                awaitEveryRecipient(remote, expected);
                remote.counts().forEach((key, n) -> {
                    if (n > 1) {
                        assertThat(remote.duplicateWindow).as("%s delivered %d times", key, n).contains(key);
                        assertThat(n).as("%s delivered twice at most", key).isEqualTo(2);
                    }
                });
                assertThat(remote.counts().keySet()).containsExactlyInAnyOrderElementsOf(expected);

                awaitHopelessRecipientFailed(data);
                List<byte[]> inbox = MailboxReader.inbox(server.imapPort);
                assertThat(inbox).as("one DSN, for the recipient that never took it")
                        .singleElement()
                        .satisfies(dsn -> assertThat(new String(dsn, StandardCharsets.US_ASCII))
                                .contains("Final-Recipient: rfc822; " + DOOMED, "Action: failed", "Status: 4.7.1"));
            }
            assertThat(remote.refusedAttempts.get()).as("the hopeless recipient was retried").isGreaterThan(1);
            System.out.printf("queue crash test: killed after %d of %d deliveries; %d delivered twice, %d in the "
                    + "duplicate window%n", deliveredBeforeKill, expected.size(), remote.counts().values().stream().filter(n -> n > 1).count(),
                    remote.duplicateWindow.size());
        }
    }

    private static byte[] message(String id) {
        return ("From: <" + CrashCampaignTest.USER + ">\r\nTo: <someone@remote.test>\r\nSubject: " + id
                + "\r\nMessage-ID: <" + id + "@crash.test>\r\n\r\nQueued across a crash.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Waits until every expected (message, recipient) reached the remote. */
    private static void awaitEveryRecipient(CountingRemoteMta remote, List<String> expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!remote.deliveries.keySet().containsAll(expected)) {
            assertThat(System.nanoTime()).as("all recipients delivered; missing: %s",
                    expected.stream().filter(k -> !remote.deliveries.containsKey(k)).toList()).isLessThan(deadline);
            remote.countDeliveries(1).await(1, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until the hopeless recipient is FAILED with no notification left to send: from then on no second
     * DSN can come. Read from the running server's database (H2's AUTO_SERVER lets a second process in).
     */
    private static void awaitHopelessRecipientFailed(Path data) throws Exception {
        long deadline = System.nanoTime() + LIFETIME.plusSeconds(60).toNanos();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("courriel") + ";AUTO_SERVER=TRUE",
                "sa", "");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT state, dsn_pending FROM queue_recipient WHERE address = ?")) {
            ps.setString(1, DOOMED);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    if ("FAILED".equals(rs.getString(1)) && rs.getString(2) == null) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("%s failed and bounced", DOOMED).isLessThan(deadline);
                // a database row has no event to await; its state is polled
                Thread.sleep(200);
            }
        }
    }
}
