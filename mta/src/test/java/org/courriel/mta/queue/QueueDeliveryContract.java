package org.courriel.mta.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.mta.MtaTestApplication;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.delivery.OutboundQueue;
import org.courriel.mta.maillog.MailOrigin;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FakeSmtpServer;
import org.courriel.store.testing.TestTls;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.content.MessageContent;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbound queue end to end: mail accepted by {@link MailDelivery} for remote recipients goes through the
 * queue workers to scripted SMTP servers on 127.0.0.1 (static routes), on every supported database.
 */
@SpringBootTest(classes = MtaTestApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(FailOnErrorLogs.class)
abstract class QueueDeliveryContract {

    /** PIPELINING, 8BITMIME, STARTTLS with a self-signed certificate. */
    static final FakeSmtpServer PIPE = FakeSmtpServer.start("pipe");
    /** No EHLO (HELO only), so no extensions at all. */
    static final FakeSmtpServer BASIC = FakeSmtpServer.start("basic");
    /** EHLO with SIZE 2000. */
    static final FakeSmtpServer SMALL = FakeSmtpServer.start("small");
    /** Offers STARTTLS and breaks the handshake. */
    static final FakeSmtpServer BROKEN_TLS = FakeSmtpServer.start("brokentls");
    /** Never greets. */
    static final FakeSmtpServer SILENT = FakeSmtpServer.start("silent");
    static final int CLOSED_PORT = closedPort();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static {
        PIPE.pipelining = true;
        PIPE.tls = TestTls.serverContext("pipe.test");
        BASIC.ehlo = false;
        SMALL.sizeLimit = 2000;
        BROKEN_TLS.brokenTls = true;
        SILENT.silent = true;
        // nobody@ is refused for good, greylisted@ twice transiently
        PIPE.rcptReply = (address, attempt) -> {
            if (address.startsWith("nobody")) {
                return "550 5.1.1 no such user here";
            }
            if (address.startsWith("greylisted")) {
                return switch (attempt) {
                    case 1 -> "451 4.7.1 greylisted, come back later";
                    case 2 -> "421 4.3.2 busy";
                    default -> "250 2.1.5 ok";
                };
            }
            return "250 2.1.5 ok";
        };
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("courriel.relay.routes[pipe.example]", PIPE::route);
        registry.add("courriel.relay.routes[basic.example]", BASIC::route);
        registry.add("courriel.relay.routes[small.example]", SMALL::route);
        registry.add("courriel.relay.routes[down.example]", () -> "127.0.0.1:" + CLOSED_PORT);
        registry.add("courriel.relay.routes[brokentls.example]", BROKEN_TLS::route);
        registry.add("courriel.relay.routes[silent.example]", SILENT::route);
        registry.add("courriel.queue.node-id", () -> "test-node");
        registry.add("courriel.queue.delay-notice", () -> "10m"); // expiry is 1h in these tests
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // nothing listens there once closed: connection refused
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    MailDelivery delivery;
    @Autowired
    OutboundQueue queue;
    @Autowired
    GroupCommitter committer;
    @Autowired
    QueueService queueService;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    AccountInfo alice;
    String n;

    @BeforeEach
    void createSender() {
        n = "t" + COUNTER.incrementAndGet() + "x" + System.nanoTime();
        String domain = n + ".local.example";
        domains.add(domain);
        alice = accounts.create("alice@" + domain, "correct horse battery", "Alice", 0);
    }

    /** A new 7-bit message from alice, unique to this test. */
    byte[] message(String subject, String body) {
        return ("From: Alice <" + alice.address() + ">\r\nTo: someone\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + n + "." + subject.hashCode() + "@local.example>\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    void send(String from, byte[] message, String... to) {
        List<EnvelopeRecipient> rcpts = new ArrayList<>();
        for (String r : to) {
            rcpts.add(EnvelopeRecipient.of(r));
        }
        delivery.deliver(new MailEnvelope(from, rcpts, null, null, false, false), message);
    }

    Optional<String> state(String address) {
        return jdbc.sql("SELECT state FROM queue_recipient WHERE address = ?").param(address).query(String.class)
                .optional();
    }

    void awaitState(String address, RecipientState state) {
        Await.until(address + " " + state, () -> state(address).filter(state.name()::equals).isPresent());
    }

    long contentRows(byte[] message) {
        return jdbc.sql("SELECT COUNT(*) FROM content WHERE sha256 = ?").param(MessageContent.of(message).sha256())
                .query(Long.class).single();
    }

    long messageId(String address) {
        return jdbc.sql("SELECT message_id FROM queue_recipient WHERE address = ?").param(address).query(Long.class)
                .single();
    }

    /** The messages in alice's INBOX, as text. */
    List<String> inbox() {
        long inbox = mailboxes.get(alice.id(), "INBOX").id();
        List<String> texts = new ArrayList<>();
        for (long uid : messages.uids(inbox)) {
            messages.get(inbox, uid).ifPresent(m -> texts.add(new String(messages.content(m.contentId()),
                    StandardCharsets.UTF_8)));
        }
        return texts;
    }

    @Test
    void deliversToAPipeliningPeerInOneFlightOverOpportunisticTls() {
        String bob = "bob." + n + "@pipe.example";
        String carol = "carol." + n + "@pipe.example";
        byte[] message = message("pipelined", "Hello\r\n.leading dot line\r\n");
        send(alice.address(), message, bob, carol);

        awaitState(bob, RecipientState.DELIVERED);
        awaitState(carol, RecipientState.DELIVERED);
        List<FakeSmtpServer.Transaction> received = PIPE.to(bob);
        assertThat(received).singleElement().satisfies(t -> {
            assertThat(t.recipients()).containsExactly(bob, carol);
            assertThat(t.mailFrom()).isEqualTo(alice.address());
            assertThat(t.data()).isEqualTo(message);
            assertThat(t.secure()).as("STARTTLS offered, so used").isTrue();
        });
        // the queue's reference was the only one: the content is gone with the last recipient
        Await.until("content released", () -> contentRows(message) == 0);
        assertThat(meters.get("courriel.queue.outcomes").tag("outcome", "delivered").tag("class", "2xx").counter()
                .count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("courriel.queue.delivery.time").timer().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void fallsBackToHeloAndSendsOneCommandAtATimeToAPeerWithoutPipelining() {
        String bob = "bob." + n + "@basic.example";
        String dave = "dave." + n + "@basic.example";
        byte[] message = message("one at a time", "Hi\r\n");
        send(alice.address(), message, bob, dave);

        awaitState(bob, RecipientState.DELIVERED);
        awaitState(dave, RecipientState.DELIVERED);
        assertThat(BASIC.to(bob)).singleElement().satisfies(t -> assertThat(t.data()).isEqualTo(message));
        assertThat(BASIC.pipeliningViolations).hasValue(0);
        assertThat(BASIC.commands).contains("EHLO courriel.test", "HELO courriel.test");
    }

    @Test
    void retriesTransientFailuresUntilDelivered() {
        String grey = "greylisted." + n + "@pipe.example";
        send(alice.address(), message("greylisted", "Retry me\r\n"), grey);

        awaitState(grey, RecipientState.DELIVERED);
        QueueEntryDetail detail = queueService.show(messageId(grey)).orElseThrow();
        assertThat(detail.attempts()).extracting(QueueAttempt::code, QueueAttempt::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(451, "DEFERRED"),
                        org.assertj.core.groups.Tuple.tuple(421, "DEFERRED"),
                        org.assertj.core.groups.Tuple.tuple(250, "DELIVERED"));
        assertThat(detail.entry().recipients()).singleElement().satisfies(r -> {
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(r.state()).isEqualTo(RecipientState.DELIVERED);
        });
        assertThat(PIPE.to(grey)).hasSize(1);
    }

    @Test
    void bouncesAPermanentFailureToTheSendersInbox() {
        String nobody = "nobody." + n + "@pipe.example";
        byte[] message = message("doomed", "Nobody reads this\r\n");
        send(alice.address(), message, nobody);

        awaitState(nobody, RecipientState.FAILED);
        Await.until("DSN in alice's INBOX", () -> inbox().size() == 1);
        String dsn = inbox().get(0);
        assertThat(dsn).contains("multipart/report", "report-type=delivery-status", "message/delivery-status",
                "Final-Recipient: rfc822; " + nobody, "Action: failed", "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 no such user here", "Subject: doomed")
                .doesNotContain("Nobody reads this");
        assertThat(PIPE.to(nobody)).isEmpty();
        Await.until("content released after the DSN", () -> contentRows(message) == 0);
    }

    @Test
    void defersWhileTheServerIsUnreachableThenExpiresAndBounces() {
        String far = "far." + n + "@down.example";
        send(alice.address(), message("unreachable", "Knock knock\r\n"), far);

        awaitState(far, RecipientState.DEFERRED);
        assertThat(queueService.show(messageId(far)).orElseThrow().entry().recipients().get(0).lastReply())
                .startsWith("421 4.4.1");
        // a test clock: the message was queued six days ago, past the five days of expiry
        jdbc.sql("UPDATE queue_message SET created_at = ? WHERE id = ?")
                .params(QueueRepository.time(Instant.now().minus(java.time.Duration.ofDays(6))), messageId(far)).update();
        queueService.retryNow(messageId(far));

        awaitState(far, RecipientState.FAILED);
        Await.until("DSN in alice's INBOX", () -> inbox().size() == 1);
        assertThat(inbox().get(0)).contains("Final-Recipient: rfc822; " + far, "Action: failed", "Status: 4.4.1");
        assertThat(queueService.show(messageId(far)).orElseThrow().attempts()).last()
                .extracting(QueueAttempt::outcome).isEqualTo("EXPIRED");
    }

    @Test
    void neverBouncesAMessageWithANullSender() {
        String nobody = "nobody." + n + "@pipe.example";
        byte[] bounce = message("a bounce", "I am a bounce\r\n");
        send("", bounce, nobody);

        awaitState(nobody, RecipientState.FAILED);
        Await.until("entry finished", () -> contentRows(bounce) == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM queue_recipient WHERE dsn_pending IS NOT NULL AND address = ?")
                .param(nobody).query(Long.class).single()).isZero();
        assertThat(inbox()).isEmpty();
    }

    @Test
    void notifiesOnlyASenderThatWasVerifiedAtOurMx() {
        // Issue 12, no backscatter: the MX took both from an unauthenticated client; only the second passed SPF.
        MailOrigin stranger = MailOrigin.smtp(java.net.InetAddress.getLoopbackAddress(), "mx.forger.example", null,
                null);
        String first = "nobody.forged." + n + "@pipe.example";
        byte[] forged = message("forged", "Who sent this?\r\n");
        delivery.deliver(new MailEnvelope(alice.address(), List.of(EnvelopeRecipient.of(first)), null, null, false,
                false), forged, stranger);
        awaitState(first, RecipientState.FAILED);
        Await.until("entry finished without a notification", () -> contentRows(forged) == 0);
        assertThat(jdbc.sql("SELECT sender_verified FROM queue_message WHERE id = ?").param(messageId(first))
                .query(Boolean.class).single()).isFalse();
        assertThat(inbox()).isEmpty();

        String second = "nobody.genuine." + n + "@pipe.example";
        delivery.deliver(new MailEnvelope(alice.address(), List.of(EnvelopeRecipient.of(second)), null, null, false,
                false), message("genuine", "SPF passed\r\n"), stranger.withSenderVerified(true));
        awaitState(second, RecipientState.FAILED);
        Await.until("DSN in alice's INBOX", () -> inbox().size() == 1);
        assertThat(inbox().get(0)).contains("Final-Recipient: rfc822; " + second, "Action: failed");
    }

    @Test
    void failsAMessageThatLoopsPastTheHopLimit() {
        String loop = "loop." + n + "@pipe.example";
        StringBuilder trace = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            trace.append("Received: from hop").append(i).append(" by hop").append(i + 1).append("\r\n");
        }
        byte[] message = (trace + new String(message("looping", "Round and round\r\n"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        send(alice.address(), message, loop);

        awaitState(loop, RecipientState.FAILED);
        assertThat(PIPE.to(loop)).isEmpty();
        Await.until("DSN in alice's INBOX", () -> inbox().size() == 1);
        assertThat(inbox().get(0)).contains("Status: 5.4.6");
    }

    @Test
    void failsAMessageLargerThanThePeersSizeLimit() {
        String big = "big." + n + "@small.example";
        String fits = "fits." + n + "@small.example";
        send(alice.address(), message("large", "x".repeat(3000) + "\r\n"), big);
        send(alice.address(), message("small", "tiny\r\n"), fits);

        awaitState(big, RecipientState.FAILED);
        awaitState(fits, RecipientState.DELIVERED);
        assertThat(SMALL.to(big)).isEmpty();
        assertThat(SMALL.to(fits)).singleElement()
                .satisfies(t -> assertThat(t.mailCommand()).containsPattern("SIZE=\\d+"));
        Await.until("DSN in alice's INBOX", () -> inbox().size() == 1);
        assertThat(inbox().get(0)).contains("Status: 5.3.4");
    }

    @Test
    void carriesSeveralMessagesForOneDomainOverOneConnection() {
        int before = PIPE.connections.get();
        List<String> rcpts = List.of("m1." + n + "@pipe.example", "m2." + n + "@pipe.example", "m3." + n + "@pipe.example");
        // queued in one transaction, so one claim finds all three
        committer.execute(tx -> {
            for (String r : rcpts) {
                queue.enqueue(tx, MessageContent.of(message("batch " + r, "one of three\r\n")),
                        new MailEnvelope(alice.address(), List.of(EnvelopeRecipient.of(r)), null, null, false, false),
                        List.of(EnvelopeRecipient.of(r)));
            }
            // one due time for all three, or a worker reading the clock between two of them could claim a part
            tx.jdbc().sql("UPDATE queue_recipient SET next_attempt_at = ? WHERE address IN (?, ?, ?)")
                    .params(QueueRepository.time(Instant.now()), rcpts.get(0), rcpts.get(1), rcpts.get(2)).update();
            return null;
        });
        rcpts.forEach(r -> awaitState(r, RecipientState.DELIVERED));
        List<Integer> used = rcpts.stream().map(r -> PIPE.to(r).get(0).connection()).distinct().toList();
        assertThat(used).hasSize(1);
        assertThat(PIPE.connections.get() - before).isEqualTo(1);
    }

    @Test
    void operatorsListShowRetryAndDelete() {
        String far = "far." + n + "@down.example";
        byte[] message = message("to be deleted", "Delete me\r\n");
        send(alice.address(), message, far);
        awaitState(far, RecipientState.DEFERRED);
        long id = messageId(far);

        List<QueueEntry> deferred = queueService.list(new QueueFilter(RecipientState.DEFERRED, alice.address(),
                "down.example", false, null, 10));
        assertThat(deferred).extracting(QueueEntry::id).containsExactly(id);
        assertThat(queueService.list(new QueueFilter(null, alice.address(), "pipe.example", null, null, 10))).isEmpty();
        assertThat(queueService.show(id)).hasValueSatisfying(d -> {
            assertThat(d.entry().sender()).isEqualTo(alice.address());
            assertThat(d.attempts()).isNotEmpty().allSatisfy(a -> assertThat(a.node()).isEqualTo("test-node"));
        });
        assertThat(queueService.retryNow(id)).isBetween(0, 1);

        assertThat(queueService.delete(id)).isTrue();
        assertThat(queueService.show(id)).isEmpty();
        assertThat(contentRows(message)).isZero();
        assertThat(queueService.delete(id)).isFalse();
    }

    @Test
    void sendsEightBitContentOnlyToAPeerWithEightBitMime() {
        String pipe = "utf." + n + "@pipe.example";
        String basic = "utf." + n + "@basic.example";
        byte[] message = message("caf\u00e9", "Cr\u00e8me br\u00fbl\u00e9e\r\n");
        send(alice.address(), message, pipe, basic);

        awaitState(pipe, RecipientState.DELIVERED);
        awaitState(basic, RecipientState.FAILED);
        assertThat(PIPE.to(pipe)).singleElement().satisfies(t -> {
            assertThat(t.mailCommand()).contains("BODY=8BITMIME");
            assertThat(t.data()).isEqualTo(message);
        });
        assertThat(BASIC.to(basic)).isEmpty();
        Await.until("DSN in alice's INBOX", () -> inbox().size() == 1);
        assertThat(inbox().get(0)).contains("Final-Recipient: rfc822; " + basic, "Status: 5.6.3");
    }

    @Test
    void reportsSuccessAsRelayedWhenAskedAndThePeerHasNoDsn() {
        String bob = "bob." + n + "@pipe.example";
        byte[] message = message("tell me", "Did it arrive?\r\n");
        delivery.deliver(new MailEnvelope(alice.address(), List.of(new EnvelopeRecipient(bob,
                java.util.Set.of(EnvelopeRecipient.Notify.SUCCESS), "rfc822;" + bob)), MailEnvelope.Ret.HDRS, "ENV-" + n,
                false, false), message);

        awaitState(bob, RecipientState.DELIVERED);
        Await.until("relayed notice in alice's INBOX", () -> inbox().size() == 1);
        assertThat(inbox().get(0)).contains("Action: relayed", "Original-Envelope-Id: ENV-" + n,
                "Original-Recipient: rfc822;" + bob, "Status: 2.");
        assertThat(PIPE.to(bob).get(0).mailCommand()).doesNotContain("RET=").doesNotContain("ENVID=");
    }

    @Test
    void storesLocallyARecipientWhoseDomainBecameLocal() {
        // the domain is ours, but the message sits in the queue (queued while the domain was remote): the worker
        // stores it and never opens a connection
        String domain = "moved." + n + ".example";
        String carol = "carol@" + domain;
        domains.add(domain);
        AccountInfo account = accounts.create(carol, "correct horse battery", "Carol", 0);
        byte[] message = message("moved", "Welcome home\r\n");
        committer.execute(tx -> {
            queue.enqueue(tx, MessageContent.of(message), new MailEnvelope(alice.address(),
                    List.of(EnvelopeRecipient.of(carol)), null, null, false, false), List.of(EnvelopeRecipient.of(carol)));
            return null;
        });

        awaitState(carol, RecipientState.DELIVERED);
        long inbox = mailboxes.get(account.id(), "INBOX").id();
        assertThat(messages.uids(inbox)).hasSize(1);
        assertThat(queueService.show(messageId(carol)).orElseThrow().attempts()).singleElement()
                .satisfies(a -> assertThat(a.remoteHost()).isNull());
    }

    @Test
    void fallsBackToClearTextWhenOpportunisticTlsFails() {
        String bob = "bob." + n + "@brokentls.example";
        byte[] message = message("fallback", "In the clear\r\n");
        send(alice.address(), message, bob);

        awaitState(bob, RecipientState.DELIVERED);
        assertThat(BROKEN_TLS.to(bob)).singleElement().satisfies(t -> {
            assertThat(t.secure()).isFalse();
            assertThat(t.data()).isEqualTo(message);
        });
    }

    @Test
    void defersWhenTheServerNeverGreets() {
        String bob = "bob." + n + "@silent.example";
        send(alice.address(), message("silence", "Hello?\r\n"), bob);

        awaitState(bob, RecipientState.DEFERRED);
        assertThat(queueService.show(messageId(bob)).orElseThrow().entry().recipients().get(0).lastReply())
                .startsWith("421 4.4.2").contains("timed out");
    }

    @Test
    void failsAnSmtpUtf8MessageForAPeerWithoutSmtpUtf8() {
        String bob = "bob." + n + "@pipe.example";
        delivery.deliver(new MailEnvelope(alice.address(), List.of(EnvelopeRecipient.of(bob)), null, null, true, true),
                message("utf8", "needs SMTPUTF8\r\n"));

        awaitState(bob, RecipientState.FAILED);
        assertThat(PIPE.to(bob)).isEmpty();
        Await.until("DSN in alice's INBOX", () -> inbox().size() == 1);
        assertThat(inbox().get(0)).contains("Status: 5.6.7");
    }

    @Test
    void tellsTheSenderOnceWhenDeliveryIsDelayed() {
        String far = "slow." + n + "@down.example";
        send(alice.address(), message("delayed", "Still trying\r\n"), far);
        awaitState(far, RecipientState.DEFERRED);
        // a test clock: queued twenty minutes ago, past the delay notice (10m) and before expiry (1h)
        jdbc.sql("UPDATE queue_message SET created_at = ? WHERE id = ?")
                .params(QueueRepository.time(Instant.now().minus(java.time.Duration.ofMinutes(20))), messageId(far))
                .update();
        queueService.retryNow(messageId(far));

        Await.until("delay notice in alice's INBOX", () -> inbox().size() == 1);
        assertThat(inbox().get(0)).contains("Action: delayed", "Final-Recipient: rfc822; " + far, "Will-Retry-Until:",
                "Subject: Delayed Mail");
        Await.until("more attempts after the notice", () -> queueService.show(messageId(far)).orElseThrow()
                .attempts().size() >= 4);
        assertThat(state(far)).contains("DEFERRED");
        assertThat(inbox()).as("one notice only").hasSize(1);
    }
}
