package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.courriel.mta.queue.QueueEntry;
import org.courriel.mta.queue.QueueFilter;
import org.courriel.mta.queue.QueueService;
import org.courriel.mta.queue.RecipientState;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The queue admin endpoints over HTTP against the real outbound queue: mail to remote.example.net is routed
 * to a closed loopback port, so its recipient defers after each attempt and stays in the queue; mail to
 * refusing.example.net goes to a loopback peer that answers 550, so it fails at once.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueueAdminApiTest {

    private static final String REMOTE = "friend@remote.example.net";
    private static final String REFUSED = "nobody@refusing.example.net";
    private static final RefusingSmtpPeer PEER = new RefusingSmtpPeer();

    @DynamicPropertySource
    static void routeToThePeer(DynamicPropertyRegistry registry) {
        registry.add("courriel.relay.routes[refusing.example.net]", () -> "127.0.0.1:" + PEER.port());
    }

    @AfterAll
    static void stopThePeer() {
        PEER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    QueueService queue;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    ApiFixture fixture;
    ApiClient bob;
    ApiClient admin;

    @BeforeEach
    void accounts() {
        fixture = new ApiFixture(domains, accounts);
        bob = new ApiClient(port, fixture.bob.address(), ApiFixture.PASSWORD);
        admin = new ApiClient(port, fixture.admin.address(), ApiFixture.PASSWORD);
    }

    @AfterEach
    void noRequestFailedOnABug() {
        assertThat(meters.counter("courriel.api.internal.errors").count()).isZero();
    }

    /** Bob sends to the remote address over the API; the id of the queue entry it made. */
    private long sendRemote(String subject) {
        return send(REMOTE, subject);
    }

    private long send(String to, String subject) {
        ApiClient.Response sent = bob.post("/api/v1/send", Map.of("to", List.of(to), "subject", subject,
                "text", "Hi"));
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        return queue.list(new QueueFilter(null, fixture.bob.address(), null, null, null, 1)).get(0).id();
    }

    private JsonNode show(long id) {
        ApiClient.Response r = admin.get("/api/v1/admin/queue/" + id);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private void awaitAttempts(long id, int attempts) {
        until("queue entry " + id + " to have " + attempts + " deferred attempts", () -> {
            QueueEntry.Recipient r = queue.show(id).orElseThrow().entry().recipients().get(0);
            return r.attempts() >= attempts && r.state() == RecipientState.DEFERRED && !r.beingDelivered();
        });
    }

    private List<Long> listedIds(String query) {
        ApiClient.Response r = admin.get("/api/v1/admin/queue" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return ids(r.json());
    }

    /** The entry ids of a listed page, in order. */
    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new java.util.ArrayList<>();
        page.get("entries").forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }

    private static void assertProblem(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void queueEndpointsAreForAdministratorsOnly() {
        long id = sendRemote("Private");
        assertProblem(bob.get("/api/v1/admin/queue"), 403);
        assertProblem(bob.get("/api/v1/admin/queue/" + id), 403);
        assertProblem(bob.post("/api/v1/admin/queue/" + id + "/retry", Map.of()), 403);
        assertProblem(bob.delete("/api/v1/admin/queue/" + id), 403);
        assertProblem(new ApiClient(port, null, null).get("/api/v1/admin/queue"), 401);
        assertThat(queue.show(id)).isPresent();
    }

    @Test
    void showsAnEntryWithItsRecipientsAndAttemptsAndRetriesItNow() {
        long id = sendRemote("Deferred");
        awaitAttempts(id, 1);
        JsonNode detail = show(id);
        JsonNode entry = detail.get("entry");
        assertThat(entry.get("id").asLong()).isEqualTo(id);
        assertThat(entry.get("sender").asString()).isEqualTo(fixture.bob.address());
        assertThat(entry.get("finishedAt").isNull()).isTrue();
        JsonNode recipient = entry.get("recipients").get(0);
        assertThat(recipient.get("address").asString()).isEqualTo(REMOTE);
        assertThat(recipient.get("state").asString()).isEqualTo("DEFERRED");
        assertThat(recipient.get("lastReply").asString()).startsWith("4");
        JsonNode attempts = detail.get("attempts");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).get("address").asString()).isEqualTo(REMOTE);
        assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("DEFERRED");
        assertThat(attempts.get(0).get("code").asInt()).isBetween(400, 499);
        // the retry schedule waits minutes; retry now makes it due at once
        assertThat(recipient.get("nextAttemptAt").asString()).isNotBlank();

        ApiClient.Response retried = admin.post("/api/v1/admin/queue/" + id + "/retry", Map.of());
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.json().get("recipientsDue").asInt()).isEqualTo(1);
        awaitAttempts(id, 2);
        assertThat(show(id).get("attempts")).hasSize(2);
    }

    @Test
    void listsWithFiltersAndPagesWithBeforeId() {
        long older = sendRemote("First");
        long newer = sendRemote("Second");
        assertThat(newer).isGreaterThan(older);
        String mine = "?sender=" + fixture.bob.address();

        assertThat(listedIds(mine)).containsExactly(newer, older);
        assertThat(listedIds(mine + "&domain=remote.example.net&finished=false")).containsExactly(newer, older);
        assertThat(listedIds(mine + "&domain=elsewhere.example")).isEmpty();
        assertThat(listedIds(mine + "&finished=true")).isEmpty();
        assertThat(listedIds(mine + "&state=DELIVERED")).isEmpty();
        awaitAttempts(older, 1);
        awaitAttempts(newer, 1);
        assertThat(listedIds(mine + "&state=DEFERRED")).containsExactly(newer, older);

        JsonNode first = admin.get("/api/v1/admin/queue" + mine + "&limit=1").json();
        assertThat(ids(first)).containsExactly(newer);
        assertThat(first.get("nextBeforeId").asLong()).isEqualTo(newer);
        JsonNode second = admin.get("/api/v1/admin/queue" + mine + "&limit=1&beforeId=" + newer).json();
        assertThat(ids(second)).containsExactly(older);
        assertThat(listedIds(mine + "&beforeId=" + older)).isEmpty();
    }

    @Test
    void aFinishedEntryIsListedAsFinishedAndCannotBeRetried() {
        long failed = send(REFUSED, "Refused");
        long waiting = sendRemote("Waiting");
        until("the refused recipient to fail", () -> queue.show(failed).orElseThrow().entry().finishedAt() != null);
        String mine = "?sender=" + fixture.bob.address();
        assertThat(listedIds(mine + "&finished=true")).containsExactly(failed);
        assertThat(listedIds(mine + "&finished=false")).containsExactly(waiting);
        assertThat(listedIds(mine + "&state=FAILED")).containsExactly(failed);
        assertThat(listedIds(mine + "&domain=refusing.example.net")).containsExactly(failed);

        JsonNode entry = show(failed).get("entry");
        assertThat(entry.get("finishedAt").asString()).isNotBlank();
        assertThat(entry.get("recipients").get(0).get("state").asString()).isEqualTo("FAILED");
        assertThat(entry.get("recipients").get(0).get("lastReply").asString()).startsWith("550 5.1.1");
        assertProblem(admin.post("/api/v1/admin/queue/" + failed + "/retry", Map.of()), 409);
    }

    @Test
    void refusesBadFiltersWithTheParameterAtFault() {
        ApiClient.Response zero = admin.get("/api/v1/admin/queue?limit=0");
        assertProblem(zero, 400);
        assertThat(zero.json().get("field").asString()).isEqualTo("limit");
        ApiClient.Response state = admin.get("/api/v1/admin/queue?state=LOST");
        assertProblem(state, 400);
        assertThat(state.json().get("field").asString()).isEqualTo("state");
        ApiClient.Response id = admin.get("/api/v1/admin/queue/abc");
        assertProblem(id, 400);
        assertThat(id.json().get("field").asString()).isEqualTo("id");
    }

    @Test
    void deletesAnEntryAndAnswers404ForAnUnknownId() {
        long id = sendRemote("Unwanted");
        assertThat(admin.delete("/api/v1/admin/queue/" + id).status()).isEqualTo(204);
        assertThat(queue.show(id)).isEmpty();
        assertThat(listedIds("?sender=" + fixture.bob.address())).isEmpty();
        assertProblem(admin.get("/api/v1/admin/queue/" + id), 404);
        assertProblem(admin.post("/api/v1/admin/queue/" + id + "/retry", Map.of()), 404);
        assertProblem(admin.delete("/api/v1/admin/queue/" + id), 404);
    }

    private static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
