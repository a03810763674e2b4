package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.courriel.CourrielApplication;
import org.courriel.deploy.testing.InProcessServerTest;
import org.courriel.deploy.testing.LineConnection;
import org.courriel.mta.smtp.session.ListenerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL stops for ten seconds while SMTP, IMAP and REST clients keep working, then comes back on the same
 * data directory and port. Meanwhile every answer is either a success or the protocol's temporary refusal
 * (SMTP 451 4.3.0, IMAP NO [UNAVAILABLE], HTTP 503 problem with Retry-After); afterwards each protocol works
 * again by itself, the LISTEN connection of the event bus is back, no client thread is stuck, and every
 * message the server acknowledged is in the mailbox exactly once.
 */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"courriel.data-dir=target/test-data/outage",
            // a request waits at most 1 s for a connection, so the outage shows as refusals, not as waits
            "spring.datasource.hikari.connection-timeout=1000",
            "courriel.api.rate-limit.per-second=1000", "courriel.api.rate-limit.burst=10000"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTest extends InProcessServerTest {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration RECOVERY = Duration.ofSeconds(15);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String ADDRESS = "olive@outage.example.org";
    private static final String PASSWORD = "olive's password";

    private static Path pgData;
    private static int pgPort;
    private static EmbeddedPostgres postgres;


    /** What the clients saw: the Message-IDs acknowledged and deferred, and any answer that is neither. */
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> deferred = ConcurrentHashMap.newKeySet();
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> successesAfterRestart = new ConcurrentHashMap<>();
    private volatile boolean restarted;
    private volatile boolean stop;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        pgData = Files.createTempDirectory("courriel-outage-pg");
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            pgPort = free.getLocalPort();
        }
        postgres = startPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE courriel");
        }
        String url = postgres.getJdbcUrl("postgres", "courriel");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** The same data directory and port each time, so the server reconnects to the same database. */
    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort).start();
    }

    @Test
    void everyAnswerIsSuccessOrTemporaryAndNothingAcknowledgedIsLostOrDoubled(CapturedOutput output) throws Exception {
        domains.add("outage.example.org");
        accounts.create(ADDRESS, PASSWORD, "Olive", 0);
        assertThat(listeningConnections()).as("the event bus LISTENs").isPositive();

        ExecutorService clients = Executors.newFixedThreadPool(4);
        clients.submit(() -> guard("SMTP-1", () -> smtpLoad(1)));
        clients.submit(() -> guard("SMTP-2", () -> smtpLoad(2)));
        clients.submit(() -> guard("IMAP", this::imapLoad));
        clients.submit(() -> guard("REST", this::restLoad));
        awaitThat("load running", () -> acknowledged.size() >= 6, RECOVERY);

        postgres.close();
        try {
            // The outage itself: a fixed length is the fault being tested, not a wait for an event.
            Thread.sleep(OUTAGE);
        } finally {
            postgres = startPostgres();
            restarted = true;
        }
        for (String protocol : List.of("SMTP", "IMAP", "REST")) {
            awaitThat(protocol + " works again", () -> count(successesAfterRestart, protocol) > 0, RECOVERY);
        }
        awaitThat("LISTEN connection back", () -> listeningConnections() > 0, RECOVERY);
        stop = true;
        clients.shutdown();
        assertThat(clients.awaitTermination(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("no client stuck").isTrue();

        assertThat(unexpected).as("answers other than success or temporary refusal").isEmpty();
        for (String protocol : List.of("SMTP", "IMAP", "REST")) {
            assertThat(count(refusals, protocol)).as(protocol + " refusals during the outage").isPositive();
        }
        assertThat(smtpSend("<after@outage.test>")).as("a new delivery after the outage").startsWith("250 ");

        Map<String, Integer> stored = storedMessageIds();
        for (String id : acknowledged) {
            assertThat(stored.get(id)).as("acknowledged %s stored once", id).isEqualTo(1);
        }
        stored.forEach((id, copies) -> {
            assertThat(copies).as("copies of %s", id).isEqualTo(1);
            assertThat(acknowledged.contains(id) || deferred.contains(id) || id.equals("<after@outage.test>"))
                    .as("%s was sent by a client", id).isTrue();
        });
        assertThat(output.getAll().lines().filter(l -> l.contains(" ERROR ")
                && l.matches(".* (o|org)\\.(c|courriel)\\..*")).toList())
                .as("errors logged by Courriel: an outage is not a bug").isEmpty();
    }

    // --- the clients ---

    private void smtpLoad(int worker) throws IOException {
        int n = 0;
        while (!stop) {
            try (LineConnection c = new LineConnection(smtp.port(ListenerKind.MX))) {
                c.expect("220");
                c.reply("EHLO load" + worker + ".example.net");
                while (!stop) {
                    String id = "<smtp-" + worker + "-" + n++ + "@outage.test>";
                    String last = c.smtpTransaction("load@elsewhere.example.net", ADDRESS, id);
                    record("SMTP", last, last.startsWith("250 "), last.startsWith("451 4.3.0 "));
                    if (last.startsWith("250 ")) {
                        acknowledged.add(id);
                    } else {
                        deferred.add(id);
                    }
                }
            }
        }
    }

    private String smtpSend(String messageId) throws IOException {
        try (LineConnection c = new LineConnection(smtp.port(ListenerKind.MX))) {
            c.expect("220");
            c.reply("EHLO after.example.net");
            return c.smtpTransaction("load@elsewhere.example.net", ADDRESS, messageId);
        }
    }

    private void imapLoad() throws IOException {
        int n = 0;
        try (LineConnection c = new LineConnection(imap.port())) {
            c.expect("* OK");
            String login;
            do {
                login = c.tagged("l" + n++, "LOGIN " + ADDRESS + " \"" + PASSWORD + "\"");
                record("IMAP", login, login.contains(" OK "), login.contains(" NO [UNAVAILABLE]"));
            } while (!login.contains(" OK ") && !stop);
            while (!stop) {
                String id = "<imap-" + n + "@outage.test>";
                byte[] message = ("Message-ID: " + id + "\r\nSubject: outage append\r\n\r\nbody\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                // RFC 7888 LITERAL+: the literal follows without waiting for a continuation
                String append = c.tagged("a" + n++, "APPEND INBOX {" + message.length + "+}\r\n"
                        + new String(message, StandardCharsets.US_ASCII));
                boolean ok = append.contains(" OK ");
                record("IMAP", append, ok, append.contains(" NO [UNAVAILABLE]"));
                (ok ? acknowledged : deferred).add(id);
                String status = c.tagged("s" + n++, "STATUS INBOX (MESSAGES)");
                record("IMAP", status, status.contains(" OK "), status.contains(" NO [UNAVAILABLE]"));
            }
            c.tagged("z", "LOGOUT");
        }
    }

    private void restLoad() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();
        String basic = Base64.getEncoder().encodeToString((ADDRESS + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/mailboxes"))
                .header("Authorization", "Basic " + basic).timeout(CLIENT_TIMEOUT).GET().build();
        while (!stop) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            boolean temporary = status == 503
                    && response.headers().firstValue("Retry-After").isPresent()
                    && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    && response.body().contains("urn:courriel:problem:unavailable");
            record("REST", status + " " + response.headers().map() + " " + response.body(), status == 200, temporary);
        }
    }

    private void record(String protocol, String answer, boolean success, boolean temporary) {
        if (success) {
            if (restarted) {
                successesAfterRestart.computeIfAbsent(protocol, p -> new AtomicInteger()).incrementAndGet();
            }
        } else if (temporary) {
            refusals.computeIfAbsent(protocol, p -> new AtomicInteger()).incrementAndGet();
        } else {
            unexpected.add(protocol + ": " + answer);
        }
    }

    private void guard(String client, ThrowingRunnable load) {
        try {
            load.run();
        } catch (Exception | AssertionError e) {
            unexpected.add(client + " failed: " + e);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    // --- checks ---

    /** Every Message-ID in INBOX with the number of messages carrying it. */
    private Map<String, Integer> storedMessageIds() throws IOException {
        try (LineConnection c = new LineConnection(imap.port())) {
            c.expect("* OK");
            assertThat(c.tagged("l", "LOGIN " + ADDRESS + " \"" + PASSWORD + "\"")).contains(" OK ");
            assertThat(c.tagged("s", "SELECT INBOX")).contains(" OK ");
            return c.messageIds();
        }
    }

    /** Sessions of the test database whose last statement was LISTEN: the event bus's connection. */
    private static int listeningConnections() {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = 'courriel'"
                        + " AND query ILIKE 'LISTEN %'")) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static int count(Map<String, AtomicInteger> counts, String protocol) {
        AtomicInteger n = counts.get(protocol);
        return n == null ? 0 : n.get();
    }

    private void awaitThat(String what, BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as(what + " within " + within + "; unexpected: " + unexpected)
                    .isTrue();
            Thread.sleep(50); // polling a condition that no event announces
        }
    }
}
