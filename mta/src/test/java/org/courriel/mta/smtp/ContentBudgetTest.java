package org.courriel.mta.smtp;

import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.session.SmtpMetrics;
import org.courriel.mta.smtp.session.SmtpProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.courriel.access.ListenersProperties;
import org.courriel.access.net.MemoryBudget;
import org.courriel.mta.smtp.command.SmtpCommands;
import org.courriel.mta.smtp.policy.RecipientPolicy;
import org.courriel.mta.smtp.session.Authenticator;
import org.courriel.mta.smtp.session.MessageIntake;
import org.courriel.mta.smtp.session.SmtpContext;
import org.courriel.mta.smtp.session.SmtpDispatcher;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Recipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The message content all SMTP sessions of a node hold at once is bounded, not only each session's: with a
 * budget of 2 MiB, a session holding a large message leaves no room for another, which is refused as
 * temporary (452 4.3.1) after the wait, and delivered once the budget is free again. Memory before
 * authentication is the MX's whole input, so this is what stops many parallel 50 MB messages from running the
 * heap out.
 */
@Timeout(60)
class ContentBudgetTest {

    private static final AccountInfo BOB = new AccountInfo(1, "bob@hamburger.edu", "Bob", 0, 0, true, false);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<byte[]> delivered = new CopyOnWriteArrayList<>();
    private MemoryBudget budget;
    private SmtpServer server;

    @BeforeEach
    void start() throws IOException {
        SmtpProperties properties = new SmtpProperties(2048, DataSize.ofMegabytes(2), 100, 20,
                Duration.ofMinutes(1), Duration.ofMinutes(1), DataSize.ofBytes(500), DataSize.ofMegabytes(2),
                Duration.ofMillis(300), false);
        budget = SmtpContext.contentBudget(properties);
        SmtpContext context = new SmtpContext(ListenerKind.MX, "mx.hamburger.edu", properties,
                new RecipientPolicy(address -> new Recipient.Local(address, List.of(BOB), List.of())),
                (account, address) -> false, (client, user, password) -> new Authenticator.Outcome.Failure(),
                new MessageIntake((envelope, message) -> delivered.add(message)), new SmtpMetrics(meters, "mx"),
                Clock.systemUTC(), budget);
        server = new SmtpServer(context, new SmtpDispatcher(SmtpCommands.all()), new MxProperties(true, "127.0.0.1", 0, 10, 10),
                new ListenersProperties(true, Duration.ofMinutes(1), Duration.ofSeconds(1)), null, meters);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMessageFindingNoRoomInTheNodesBudgetIsRefusedAsTemporaryAndAcceptedLater() throws Exception {
        try (SmtpClient big = transaction("big@sender.example"); SmtpClient small = transaction("small@sender.example")) {
            big.send("DATA").expect("354");
            big.raw(message("Big", 2_000_000)); // 2 MB kept, not ended yet: the budget's 2 MiB are all but taken
            awaitInFlight(2_000_000);

            small.send("DATA").expect("354");
            small.raw(message("Small", 200_000)).send(".");
            small.expect("452 4.3.1");

            big.send(".").expect("250");
            assertThat(budget.inFlight()).as("the big message gave its share back once stored").isZero();

            small.send("MAIL FROM:<small@sender.example>").expect("250");
            small.send("RCPT TO:<bob@hamburger.edu>").expect("250");
            small.send("DATA").expect("354");
            small.raw(message("Small", 200_000)).send(".");
            small.expect("250");
        }
        assertThat(delivered).hasSize(2);
        assertThat(meters.get("courriel.smtp.messages.rejected").tag("reason", "memory").counter().count()).isEqualTo(1);
        assertThat(budget.inFlight()).isZero();
    }

    @Test
    void bdatChunksFindingNoRoomFailTheTransactionAtOnceAndGiveTheBudgetBack() throws Exception {
        try (SmtpClient big = transaction("big@sender.example"); SmtpClient chunked = transaction("c@sender.example")) {
            big.send("DATA").expect("354");
            big.raw(message("Big", 2_000_000));
            awaitInFlight(2_000_000);

            byte[] chunk = message("Chunked", 200_000);
            chunked.raw(("BDAT " + chunk.length + "\r\n").getBytes()).raw(chunk).expect("452 4.3.1");

            big.send(".").expect("250");
            chunked.send("MAIL FROM:<c@sender.example>").expect("250");
            chunked.send("RCPT TO:<bob@hamburger.edu>").expect("250");
            chunked.raw(("BDAT " + chunk.length + " LAST\r\n").getBytes()).raw(chunk).expect("250");
        }
        assertThat(delivered).hasSize(2);
        assertThat(budget.inFlight()).isZero();
    }

    @Test
    void aSessionThatDropsInsideDataGivesItsShareBack() throws Exception {
        SmtpClient big = transaction("big@sender.example");
        big.send("DATA").expect("354");
        big.raw(message("Big", 2_000_000));
        awaitInFlight(2_000_000);
        big.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (budget.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // the session notices the end of stream on its own thread
        }
        assertThat(budget.inFlight()).isZero();
        assertThat(delivered).isEmpty();
    }

    private SmtpClient transaction(String sender) throws IOException {
        SmtpClient c = new SmtpClient(server.port());
        c.expect("220");
        c.send("EHLO client.example").expect("250");
        c.send("MAIL FROM:<" + sender + ">").expect("250");
        c.send("RCPT TO:<bob@hamburger.edu>").expect("250");
        return c;
    }

    private void awaitInFlight(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (budget.inFlight() < bytes && System.nanoTime() < deadline) {
            Thread.sleep(10); // the session reads on its own thread; nothing to await but the budget itself
        }
        assertThat(budget.inFlight()).isGreaterThanOrEqualTo(bytes);
    }

    /** A message of about {@code size} bytes in lines of 76 characters, ending with CRLF. */
    private static byte[] message(String subject, int size) {
        StringBuilder b = new StringBuilder("Subject: " + subject + "\r\n\r\n");
        String line = "x".repeat(76) + "\r\n";
        while (b.length() < size) {
            b.append(line);
        }
        return b.toString().getBytes();
    }
}
