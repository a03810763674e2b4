package org.courriel.mta.smtp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.smtp.command.SmtpCommands;
import org.courriel.mta.smtp.policy.RecipientPolicy;
import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The session state machine fed from memory: paths that a real socket makes awkward to reach. */
class SmtpSessionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<MailEnvelope> delivered = new ArrayList<>();
    private MessageIntake.Delivery delivery = (envelope, message) -> delivered.add(envelope);

    private static final AccountInfo BOB = new AccountInfo(1, "bob@hamburger.edu", "Bob", 0, 0, true, false);

    private boolean trustLoopback;
    private Authenticator authenticator = (client, user, password) -> password.equals("secret")
            ? new Authenticator.Outcome.Success(1, user) : new Authenticator.Outcome.Failure();
    private Function<String, Recipient> resolver = address -> address.endsWith("@hamburger.edu")
            ? (address.startsWith("bob@") ? new Recipient.Local(address, List.of(BOB), List.of()) : new Recipient.Unknown(address))
            : new Recipient.Remote(address);

    private String run(ListenerKind kind, String input, boolean idleAtEnd) throws Exception {
        SmtpProperties properties = new SmtpProperties(2048, DataSize.ofKilobytes(64), 100, 20,
                Duration.ofMinutes(5), Duration.ofMinutes(3), DataSize.ofBytes(500), DataSize.ofMegabytes(512), Duration.ofSeconds(5), trustLoopback);
        RecipientPolicy policy = new RecipientPolicy(resolver);
        SmtpContext context = new SmtpContext(kind, "mx.hamburger.edu", properties, policy,
                (account, address) -> address.equals("bob@hamburger.edu"), authenticator,
                new MessageIntake(delivery), new SmtpMetrics(meters, kind.listenerName()), Clock.systemUTC());
        MemoryChannel channel = new MemoryChannel(input, kind.implicitTls(), idleAtEnd);
        new SmtpSession(context, new SmtpDispatcher(SmtpCommands.all()), channel).run();
        return channel.output();
    }

    private static final String TRANSACTION = "EHLO c.example\r\nMAIL FROM:<a@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\n"
            + "DATA\r\nSubject: x\r\n\r\nhi\r\n.\r\n";

    @Test
    void idleClientHearsA421Timeout() throws Exception {
        String out = run(ListenerKind.MX, "EHLO c.example\r\n", true);
        assertThat(out).endsWith("421 4.4.2 Timeout, closing connection\r\n");
    }

    @Test
    void unavailableStoreGives451AndTheSessionGoesOn() throws Exception {
        delivery = (envelope, message) -> {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "database down");
        };
        String out = run(ListenerKind.MX, TRANSACTION + "NOOP\r\nQUIT\r\n", false);
        assertThat(out).contains("\r\n451 4.3.0 ").endsWith("250 2.0.0 OK\r\n221 2.0.0 mx.hamburger.edu closing connection\r\n");
        assertThat(meters.counter("courriel.smtp.messages.rejected", "listener", "mx", "reason", "store-unavailable").count())
                .isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void lostDatabaseConnectionInDeliveryGives451LoggedAsAWarningNotABug(CapturedOutput log) throws Exception {
        delivery = (envelope, message) -> {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                    new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        };
        String out = run(ListenerKind.MX, TRANSACTION + "NOOP\r\nQUIT\r\n", false);
        assertThat(out).contains("\r\n451 4.3.0 ").doesNotContain("\r\n250 2.0.0 Message accepted")
                .endsWith("250 2.0.0 OK\r\n221 2.0.0 mx.hamburger.edu closing connection\r\n");
        assertThat(meters.counter("courriel.smtp.messages.rejected", "listener", "mx", "reason", "store-unavailable").count())
                .isEqualTo(1);
        assertThat(log).contains("the database is unavailable").doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void unreachableDatabaseAtRcptGives451AndTheSessionGoesOn(CapturedOutput log) throws Exception {
        resolver = address -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        };
        String out = run(ListenerKind.MX, "EHLO c.example\r\nMAIL FROM:<a@crepes.fr>\r\nRCPT TO:<bob@hamburger.edu>\r\n"
                + "NOOP\r\nQUIT\r\n", false);
        assertThat(out).contains("\r\n250 2.1.0 Sender OK\r\n451 4.3.0 ")
                .endsWith("250 2.0.0 OK\r\n221 2.0.0 mx.hamburger.edu closing connection\r\n");
        assertThat(log).contains("failed in the store").doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void aBugInDeliveryGives451AndTheSessionGoesOn() throws Exception {
        delivery = (envelope, message) -> {
            throw new IllegalStateException("bug");
        };
        String out = run(ListenerKind.MX, TRANSACTION + "MAIL FROM:<a@crepes.fr>\r\nQUIT\r\n", false);
        assertThat(out).contains("\r\n451 4.3.0 ").contains("\r\n250 2.1.0 Sender OK\r\n").endsWith("221 2.0.0 mx.hamburger.edu closing connection\r\n");
    }

    @Test
    void acceptedMessageCarriesTheEnvelopeAndIsCounted() throws Exception {
        String out = run(ListenerKind.MX, TRANSACTION + "QUIT\r\n", false);
        assertThat(out).contains("250 2.0.0 Message accepted for delivery ");
        assertThat(delivered).singleElement().satisfies(e -> {
            assertThat(e.reversePath()).isEqualTo("a@crepes.fr");
            assertThat(e.recipients()).extracting(r -> r.address()).containsExactly("bob@hamburger.edu");
        });
        assertThat(meters.counter("courriel.smtp.messages.accepted", "listener", "mx").count()).isEqualTo(1);
        assertThat(meters.counter("courriel.smtp.recipients.accepted", "listener", "mx").count()).isEqualTo(1);
        assertThat(meters.summary("courriel.smtp.message.bytes", "listener", "mx").totalAmount()).isEqualTo("Subject: x\r\n\r\nhi\r\n".length());
    }

    @Test
    void statesAreCheckedBeforeEachCommand() throws Exception {
        String out = run(ListenerKind.MX, "RCPT TO:<bob@hamburger.edu>\r\nEHLO c\r\nRCPT TO:<bob@hamburger.edu>\r\n"
                + "MAIL FROM:<a@b.example>\r\nMAIL FROM:<a@b.example>\r\nDATA\r\nAUTH PLAIN\r\nSTARTTLS\r\nQUIT\r\n", false);
        assertThat(out.lines().map(l -> l.substring(0, Math.min(9, l.length()))).filter(l -> !l.startsWith("250-")).toList())
                .containsExactly("220 mx.ha", "503 5.5.1", "250 DSN", "503 5.5.1", "250 2.1.0", "503 5.5.1", "554 5.5.1",
                        "503 5.5.1", "503 5.5.1", "221 2.0.0");
    }

    @Test
    void submissionOverImplicitTlsAuthenticatesThenRelays() throws Exception {
        String plain = java.util.Base64.getEncoder().encodeToString("\0bob@hamburger.edu\0secret".getBytes());
        String out = run(ListenerKind.SUBMISSIONS, "EHLO c\r\nMAIL FROM:<bob@hamburger.edu>\r\nAUTH PLAIN " + plain
                + "\r\nMAIL FROM:<bob@hamburger.edu>\r\nRCPT TO:<x@elsewhere.example>\r\nQUIT\r\n", false);
        assertThat(out).contains("530 5.7.0 Authentication required", "235 2.7.0", "250 2.1.0", "250 2.1.5");
    }

    @Test
    void plaintextAuthIsOfferedToLoopbackOnlyWhenConfigured() throws Exception {
        assertThat(run(ListenerKind.SUBMISSION, "EHLO c\r\nAUTH LOGIN\r\nQUIT\r\n", false))
                .doesNotContain("AUTH PLAIN LOGIN").contains("538 5.7.11");
        trustLoopback = true;
        String plain = java.util.Base64.getEncoder().encodeToString("\0bob@hamburger.edu\0secret".getBytes());
        assertThat(run(ListenerKind.SUBMISSION, "EHLO c\r\nAUTH PLAIN " + plain + "\r\nMAIL FROM:<bob@hamburger.edu>\r\nQUIT\r\n", false))
                .contains("250-AUTH PLAIN LOGIN", "235 2.7.0", "250 2.1.0");
    }

    @Test
    void authWhileTheDatabaseIsUnreachableIsATemporaryFailureAndTheSessionGoesOn() throws Exception {
        trustLoopback = true;
        authenticator = (client, user, password) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        };
        String plain = java.util.Base64.getEncoder().encodeToString("\0bob@hamburger.edu\0secret".getBytes());
        assertThat(run(ListenerKind.SUBMISSION, "EHLO c\r\nAUTH PLAIN " + plain + "\r\nNOOP\r\nQUIT\r\n", false))
                .contains("\r\n454 4.7.0 Temporary authentication failure").contains("\r\n250 2.0.0 OK\r\n");
        assertThat(meters.counter("courriel.smtp.auth.failures", "listener", "submission").count()).isZero();
    }

    @Test
    void tooLongAuthResponseIsRefusedAndTheSessionGoesOn() throws Exception {
        String out = run(ListenerKind.SUBMISSIONS, "EHLO c\r\nAUTH PLAIN\r\n" + "A".repeat(13000) + "\r\nNOOP\r\n", false);
        assertThat(out).contains("334 \r\n500 5.5.6 Line too long\r\n250 2.0.0 OK\r\n");
    }
}
