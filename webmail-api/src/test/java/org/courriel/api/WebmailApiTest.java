package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.queue.QueueEntry;
import org.courriel.mta.queue.QueueFilter;
import org.courriel.mta.queue.QueueService;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.AliasService;
import org.courriel.store.account.DomainService;
import org.courriel.store.content.ContentStore;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The API's behaviour over HTTP against the running application (H2). */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebmailApiTest {

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    AliasService aliases;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    MessageService messages;
    @Autowired
    MailDelivery delivery;
    @Autowired
    QueueService queue;
    @Autowired
    ContentStore contents;
    @Autowired
    JdbcClient jdbc;

    ApiFixture fixture;
    ApiClient bob;
    ApiClient alice;
    ApiClient admin;

    @BeforeEach
    void accounts() {
        fixture = new ApiFixture(domains, accounts);
        bob = new ApiClient(port, fixture.bob.address(), ApiFixture.PASSWORD);
        alice = new ApiClient(port, fixture.alice.address(), ApiFixture.PASSWORD);
        admin = new ApiClient(port, fixture.admin.address(), ApiFixture.PASSWORD);
    }

    /** Principle: the suite fails on any unexpected server-side exception, not only on wrong answers. */
    @AfterEach
    void noRequestFailedOnABug() {
        assertThat(meters.counter("courriel.api.internal.errors").count()).isZero();
    }

    private String deliverToBob(String subject) {
        ApiFixture.deliver(delivery, fixture.bob.address(),
                ApiFixture.multipart(subject, "carol@example.com", fixture.bob.address()));
        long inbox = mailboxes.get(fixture.bob.id(), "INBOX").id();
        JsonNode page = bob.get("/api/v1/mailboxes/" + inbox + "/messages?subject=" + subject).json();
        return page.get("messages").get(0).get("id").asString();
    }

    private static void assertProblem(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("urn:courriel:problem:");
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    @Test
    void requestsWithoutValidCredentialsAreRefusedWithAChallenge() {
        ApiClient.Response anonymous = new ApiClient(port, null, null).get("/api/v1/mailboxes");
        assertProblem(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=");
        assertProblem(new ApiClient(port, fixture.bob.address(), "wrong password").get("/api/v1/mailboxes"), 401);
        accounts.setEnabled(fixture.alice.address(), false);
        assertProblem(alice.get("/api/v1/mailboxes"), 401);
    }

    @Test
    void anotherAccountsMessageAndMailboxIdsAnswerNotFound() {
        String id = deliverToBob("Private");
        long bobInbox = mailboxes.get(fixture.bob.id(), "INBOX").id();
        assertThat(bob.get("/api/v1/messages/" + id).status()).isEqualTo(200);

        assertProblem(alice.get("/api/v1/messages/" + id), 404);
        assertProblem(alice.get("/api/v1/messages/" + id + "/raw"), 404);
        assertProblem(alice.get("/api/v1/messages/" + id + "/attachments/2"), 404);
        assertProblem(alice.post("/api/v1/messages/" + id + "/flags", Map.of("add", List.of("\\Seen"))), 404);
        assertProblem(alice.post("/api/v1/messages/" + id + "/move", Map.of("mailbox", "Archive")), 404);
        assertProblem(alice.delete("/api/v1/messages/" + id + "?expunge=true"), 404);
        assertProblem(alice.get("/api/v1/mailboxes/" + bobInbox + "/messages"), 404);
        assertProblem(alice.get("/api/v1/mailboxes/" + bobInbox), 404);
        assertProblem(alice.delete("/api/v1/mailboxes/" + bobInbox), 404);
        assertProblem(alice.get("/api/v1/messages/not-an-id"), 404);
        assertProblem(alice.get("/api/v1/no/such/endpoint"), 404);
        // nothing changed for bob
        MessageRecord m = messages.get(bobInbox, 1).orElseThrow();
        assertThat(m.flags().has(SystemFlag.SEEN)).isFalse();
    }

    @Test
    void badJsonIsRefusedWithTheFieldAtFault() {
        String id = deliverToBob("Flags");
        ApiClient.Response malformed = bob.postRaw("/api/v1/messages/" + id + "/flags", "application/json",
                "{\"add\": [\"\\\\Seen\"".getBytes(StandardCharsets.UTF_8));
        assertProblem(malformed, 400);

        ApiClient.Response wrongType = bob.post("/api/v1/messages/" + id + "/flags", "{\"add\": {\"x\": 1}}");
        assertProblem(wrongType, 400);
        assertThat(wrongType.json().get("field").asString()).isEqualTo("add");

        ApiClient.Response badFlag = bob.post("/api/v1/messages/" + id + "/flags",
                Map.of("add", List.of("\\Seen", "\\Recent")));
        assertProblem(badFlag, 400);
        assertThat(badFlag.json().get("field").asString()).isEqualTo("add[1]");

        ApiClient.Response badSort = bob.get("/api/v1/mailboxes/" + mailboxes.get(fixture.bob.id(), "INBOX").id()
                + "/messages?sort=colour");
        assertProblem(badSort, 400);
        assertThat(badSort.json().get("field").asString()).isEqualTo("sort");

        ApiClient.Response badDate = bob.get("/api/v1/mailboxes/" + mailboxes.get(fixture.bob.id(), "INBOX").id()
                + "/messages?since=yesterday");
        assertProblem(badDate, 400);
        assertThat(badDate.json().get("field").asString()).isEqualTo("since");
    }

    @Test
    void oversizedUploadsAreRefusedWithContentTooLarge() {
        byte[] big = new byte[300 * 1024];
        ApiClient.Response upload = bob.postMultipart("/api/v1/send",
                Map.of("to", List.of(fixture.alice.address()), "subject", "big"),
                new ApiClient.FilePart("attachments", "big.bin", "application/octet-stream", big));
        assertProblem(upload, 413);
        ApiClient.Response json = bob.post("/api/v1/send", Map.of("to", List.of(fixture.alice.address()),
                "text", "x".repeat(300 * 1024)));
        assertProblem(json, 413);
        // what fits the raw limit but not once encoded is refused too
        byte[] almost = new byte[200 * 1024];
        ApiClient.Response encoded = bob.postMultipart("/api/v1/send",
                Map.of("to", List.of(fixture.alice.address()), "subject", "almost"),
                new ApiClient.FilePart("attachments", "almost.bin", "application/octet-stream", almost));
        assertProblem(encoded, 413);
        assertThat(messages.uids(mailboxes.get(fixture.alice.id(), "INBOX").id())).isEmpty();
    }

    @Test
    void sendingToALocalAddressDeliversToItsInboxAndKeepsASeenCopyInSent() {
        ApiClient.Response sent = bob.postMultipart("/api/v1/send",
                Map.of("to", List.of("Alice <" + fixture.alice.address() + ">"), "subject", "Caf\u00e9 tomorrow",
                        "text", "See you at the caf\u00e9.\n", "html", "<p>See you at the <i>caf\u00e9</i>.</p>"),
                new ApiClient.FilePart("attachments", "plan.txt", "text/plain", "a map".getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        JsonNode result = sent.json();
        assertThat(ApiRoundTripContract.texts(result.get("delivered"))).containsExactly(fixture.alice.address());
        assertThat(result.get("queued")).isEmpty();
        assertThat(queue.list(new QueueFilter(null, fixture.bob.address(), null, null, null, 10))).isEmpty();

        long aliceInbox = mailboxes.get(fixture.alice.id(), "INBOX").id();
        JsonNode received = alice.get("/api/v1/mailboxes/" + aliceInbox + "/messages").json().get("messages");
        assertThat(received).hasSize(1);
        JsonNode read = alice.get("/api/v1/messages/" + received.get(0).get("id").asString()).json();
        assertThat(read.get("subject").asString()).isEqualTo("Caf\u00e9 tomorrow");
        assertThat(read.get("from").get(0).get("address").asString()).isEqualTo(fixture.bob.address());
        assertThat(read.get("from").get(0).get("name").asString()).isEqualTo("Bob Martin");
        assertThat(read.get("text").asString()).contains("See you at the caf\u00e9.");
        assertThat(read.get("html").asString()).contains("<i>caf\u00e9</i>");
        assertThat(read.get("attachments").get(0).get("filename").asString()).isEqualTo("plan.txt");
        assertThat(read.get("messageId").asString()).isEqualTo(result.get("messageId").asString());
        List<String> headerNames = read.get("headers").findValuesAsString("name");
        assertThat(headerNames).contains("Date", "Message-ID", "MIME-Version");

        JsonNode copy = bob.get("/api/v1/messages/" + result.get("sentId").asString()).json();
        assertThat(copy.get("subject").asString()).isEqualTo("Caf\u00e9 tomorrow");
        assertThat(ApiRoundTripContract.texts(copy.get("flags"))).containsExactly("\\Seen");
        assertThat(copy.get("mailboxId").asLong()).isEqualTo(mailboxes.get(fixture.bob.id(), "Sent").id());
    }

    @Test
    void sendingToARemoteAddressQueuesItForTheRemoteRecipientWithBccOutOfTheMessage() {
        ApiClient.Response sent = bob.post("/api/v1/send", Map.of("to", List.of("friend@remote.example.net"),
                "bcc", List.of(fixture.alice.address()), "subject", "Hello", "text", "Hi"));
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        assertThat(ApiRoundTripContract.texts(sent.json().get("queued"))).containsExactly("friend@remote.example.net");

        List<QueueEntry> queued = queue.list(new QueueFilter(null, fixture.bob.address(), null, null, null, 10));
        assertThat(queued).hasSize(1);
        QueueEntry entry = queued.get(0);
        assertThat(entry.sender()).isEqualTo(fixture.bob.address());
        assertThat(entry.recipients()).extracting(QueueEntry.Recipient::address)
                .containsExactly("friend@remote.example.net");
        // the route is a closed port: the entry stays in the queue, its content held
        String message = new String(queuedContent(entry.id()), StandardCharsets.UTF_8);
        assertThat(message).contains("To: friend@remote.example.net").doesNotContain(fixture.alice.address())
                .contains("Message-ID:").contains("Date: ").contains("MIME-Version: 1.0");
        assertThat((long) message.getBytes(StandardCharsets.UTF_8).length).isEqualTo(entry.size());

        JsonNode listed = admin.get("/api/v1/admin/queue?sender=" + fixture.bob.address()).json().get("entries");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(entry.id());
        assertThat(listed.get(0).get("sender").asString()).isEqualTo(fixture.bob.address());
        assertThat(listed.get(0).get("recipients").findValuesAsString("address"))
                .containsExactly("friend@remote.example.net");
        // the blind copy arrived all the same
        assertThat(messages.uids(mailboxes.get(fixture.alice.id(), "INBOX").id())).hasSize(1);
    }

    private byte[] queuedContent(long queueId) {
        long contentId = jdbc.sql("SELECT content_id FROM queue_message WHERE id = ?").param(queueId)
                .query(Long.class).single();
        return contents.bytes(contentId);
    }

    @Test
    void sendingAsAnAddressThatIsNotTheAccountsIsForbiddenButItsAliasesAreAllowed() {
        ApiClient.Response forged = bob.post("/api/v1/send", Map.of("from", fixture.alice.address(),
                "to", List.of(fixture.alice.address()), "text", "I am Alice"));
        assertProblem(forged, 403);
        assertThat(forged.json().get("field").asString()).isEqualTo("from");

        aliases.add("sales@" + fixture.domain, List.of(fixture.bob.address()));
        ApiClient.Response asAlias = bob.post("/api/v1/send", Map.of("from", "Sales <sales@" + fixture.domain + ">",
                "to", List.of(fixture.alice.address()), "text", "Offer"));
        assertThat(asAlias.status()).as(asAlias.text()).isEqualTo(202);
        assertThat(ApiRoundTripContract.texts(bob.get("/api/v1/account").json().get("sendAs")))
                .containsExactly(fixture.bob.address(), "sales@" + fixture.domain);

        ApiClient.Response unknown = bob.post("/api/v1/send", Map.of("to", List.of(fixture.alice.address(),
                "nobody@" + fixture.domain), "text", "x"));
        assertProblem(unknown, 400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("to[1]");
    }

    @Test
    void adminEndpointsRefuseNonAdminsAndLetAdminsManageDomainsAccountsAndAliases() {
        assertProblem(bob.get("/api/v1/admin/accounts"), 403);
        assertProblem(bob.post("/api/v1/admin/domains", Map.of("name", "other.example")), 403);
        assertProblem(bob.delete("/api/v1/admin/accounts/" + fixture.alice.address()), 403);

        String newDomain = "new-" + System.nanoTime() + ".example.org";
        assertThat(admin.post("/api/v1/admin/domains", Map.of("name", newDomain)).status()).isEqualTo(201);
        assertProblem(admin.post("/api/v1/admin/domains", Map.of("name", newDomain)), 409);
        ApiClient.Response created = admin.post("/api/v1/admin/accounts", Map.of("address", "dan@" + newDomain,
                "password", "a long enough password", "quotaBytes", 1_000_000));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertProblem(admin.post("/api/v1/admin/accounts", Map.of("address", "eve@" + newDomain, "password", "short")),
                400);
        ApiClient dan = new ApiClient(port, "dan@" + newDomain, "a long enough password");
        assertThat(dan.get("/api/v1/mailboxes").status()).isEqualTo(200);

        JsonNode changed = admin.patch("/api/v1/admin/accounts/dan@" + newDomain,
                Map.of("quotaBytes", 2_000_000, "enabled", false)).json();
        assertThat(changed.get("quotaBytes").asLong()).isEqualTo(2_000_000);
        assertThat(changed.get("enabled").asBoolean()).isFalse();
        assertProblem(dan.get("/api/v1/mailboxes"), 401);
        admin.patch("/api/v1/admin/accounts/dan@" + newDomain, Map.of("enabled", true, "password", "another password!"));
        assertThat(new ApiClient(port, "dan@" + newDomain, "another password!").get("/api/v1/account").status())
                .isEqualTo(200);

        assertThat(admin.post("/api/v1/admin/aliases", Map.of("address", "team@" + newDomain,
                "targets", List.of("dan@" + newDomain))).status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/admin/aliases").json().findValuesAsString("address")).contains("team@" + newDomain);
        assertProblem(admin.delete("/api/v1/admin/domains/" + newDomain), 409);
        assertThat(admin.delete("/api/v1/admin/aliases/team@" + newDomain).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/admin/accounts/dan@" + newDomain).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/admin/domains/" + newDomain).status()).isEqualTo(204);
        assertProblem(admin.get("/api/v1/admin/accounts/dan@" + newDomain), 404);
        assertProblem(admin.delete("/api/v1/admin/accounts/" + fixture.admin.address()), 409);
    }

    @Test
    void adminsCreateSharedMailboxesWhoseReadersListAndReadThemWithTheirRights() {
        String domain = fixture.bob.address().substring(fixture.bob.address().indexOf('@') + 1);
        String info = "info-" + System.nanoTime() + "@" + domain;
        assertProblem(bob.post("/api/v1/admin/shared-mailboxes", Map.of("address", info)), 403);
        assertProblem(admin.post("/api/v1/admin/shared-mailboxes", Map.of("address", info,
                "grants", Map.of(fixture.bob.address(), "lrQ"))), 400);
        ApiClient.Response created = admin.post("/api/v1/admin/shared-mailboxes", Map.of("address", info,
                "grants", Map.of(fixture.bob.address(), "lr"), "quotaBytes", 5_000_000));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        // a shared mailbox takes a quota as a user's account does; all its readers' mail counts against it
        assertThat(accounts.find(info).orElseThrow().quotaBytes()).isEqualTo(5_000_000);
        String folder = "Shared Folders/" + info.substring(0, info.indexOf('@'));
        assertThat(created.json().get("folder").asString()).isEqualTo(folder);
        assertProblem(admin.post("/api/v1/admin/shared-mailboxes", Map.of("address", info)), 409);

        assertThat(bob.get("/api/v1/mailboxes").json().findValuesAsString("name")).contains(folder);
        assertThat(alice.get("/api/v1/mailboxes").json().findValuesAsString("name")).doesNotContain(folder);
        assertThat(admin.put("/api/v1/admin/shared-mailboxes/" + info + "/grants/" + fixture.alice.address(),
                Map.of("rights", "lrs")).json().get("grants").get(fixture.alice.address()).asString()).isEqualTo("lrs");
        assertThat(alice.get("/api/v1/mailboxes").json().findValuesAsString("name")).contains(folder);
        // nobody logs in as the shared address
        assertProblem(new ApiClient(port, info, ApiFixture.PASSWORD).get("/api/v1/account"), 401);
        assertThat(admin.delete("/api/v1/admin/shared-mailboxes/" + info).status()).isEqualTo(204);
        assertProblem(admin.get("/api/v1/admin/shared-mailboxes/" + info), 404);
        assertThat(bob.get("/api/v1/mailboxes").json().findValuesAsString("name")).doesNotContain(folder);
    }

    @Test
    void aMailboxIsCreatedEvenWhenItsSubscriptionIsRefused() {
        long held = mailboxes.subscriptions(fixture.bob.id()).size();
        jdbc.sql("INSERT INTO mailbox_subscription (account_id, name) SELECT ?, CONCAT('Filler', X) FROM SYSTEM_RANGE(1, ?)")
                .params(fixture.bob.id(), MailboxService.MAX_SUBSCRIPTIONS - held).update();
        ApiClient.Response created = bob.post("/api/v1/mailboxes", Map.of("name", "Beyond"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("subscribed").asBoolean()).isFalse();
        assertThat(mailboxes.find(fixture.bob.id(), "Beyond")).isPresent();
    }

    @Test
    void mailboxesAreCreatedRenamedAndDeletedByTheImapRules() {
        ApiClient.Response created = bob.post("/api/v1/mailboxes", Map.of("name", "Projects/2026"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(mailboxes.find(fixture.bob.id(), "Projects")).isPresent();
        assertProblem(bob.post("/api/v1/mailboxes", Map.of("name", "Projects/2026")), 409);
        assertProblem(bob.post("/api/v1/mailboxes", Map.of("name", "bad//name")), 400);
        // RFC 2342: the other users' and shared namespaces are not the account's to fill
        assertProblem(bob.post("/api/v1/mailboxes", Map.of("name", "Shared Folders/info")), 400);
        assertProblem(bob.patch("/api/v1/mailboxes/" + id, Map.of("name", "Other Users/alice/2026")), 400);

        JsonNode renamed = bob.patch("/api/v1/mailboxes/" + id, Map.of("name", "Projects/2027")).json();
        assertThat(renamed.get("id").asLong()).isEqualTo(id);
        assertThat(renamed.get("name").asString()).isEqualTo("Projects/2027");
        // the API subscribes what it creates and moves the subscription with a rename (IMAP RENAME does not)
        assertThat(created.json().get("subscribed").asBoolean()).isTrue();
        assertThat(renamed.get("subscribed").asBoolean()).isTrue();
        assertThat(mailboxes.subscriptions(fixture.bob.id())).contains("Projects/2027").doesNotContain("Projects/2026");
        JsonNode unsubscribed = bob.patch("/api/v1/mailboxes/" + id, Map.of("subscribed", false)).json();
        assertThat(unsubscribed.get("subscribed").asBoolean()).isFalse();
        assertThat(mailboxes.subscriptions(fixture.bob.id())).doesNotContain("Projects/2027");

        long parent = mailboxes.get(fixture.bob.id(), "Projects").id();
        assertProblem(bob.delete("/api/v1/mailboxes/" + parent), 409);
        long inbox = mailboxes.get(fixture.bob.id(), "INBOX").id();
        assertProblem(bob.delete("/api/v1/mailboxes/" + inbox), 409);
        assertThat(bob.delete("/api/v1/mailboxes/" + id).status()).isEqualTo(204);
        assertThat(mailboxes.find(fixture.bob.id(), "Projects/2027")).isEmpty();
    }

    @Test
    void listingsSortPageAndSearch() {
        long inbox = mailboxes.get(fixture.bob.id(), "INBOX").id();
        String[] subjects = {"banana", "Apple pie", "cherry"};
        for (int i = 0; i < subjects.length; i++) {
            String message = "From: <sender" + i + "@example.com>\r\nTo: <" + fixture.bob.address() + ">\r\n"
                    + "Subject: " + subjects[i] + "\r\nDate: Mon, " + (10 + i) + " Nov 2026 10:00:00 +0000\r\n\r\n"
                    + "body number " + i + (i == 2 ? " with the word kumquat" : "") + "\r\n" + "x".repeat(i * 100);
            ApiFixture.deliver(delivery, fixture.bob.address(), message.getBytes(StandardCharsets.UTF_8));
        }
        String base = "/api/v1/mailboxes/" + inbox + "/messages";
        assertThat(subjects(bob.get(base).json())).containsExactly("cherry", "Apple pie", "banana");
        assertThat(subjects(bob.get(base + "?sort=subject&order=asc").json()))
                .containsExactly("Apple pie", "banana", "cherry");
        assertThat(subjects(bob.get(base + "?sort=size&order=desc").json()))
                .containsExactly("cherry", "Apple pie", "banana");
        // the keys of IMAP SORT (RFC 5256 §3): the first From address's local part
        assertThat(subjects(bob.get(base + "?sort=from&order=desc").json()))
                .containsExactly("cherry", "Apple pie", "banana");
        assertThat(subjects(bob.get(base + "?sort=displayfrom&order=asc").json()))
                .containsExactly("banana", "Apple pie", "cherry");
        JsonNode page = bob.get(base + "?sort=date&order=asc&size=2&page=1").json();
        assertThat(subjects(page)).containsExactly("cherry");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(subjects(bob.get(base + "?subject=APPLE").json())).containsExactly("Apple pie");
        assertThat(subjects(bob.get(base + "?from=sender0").json())).containsExactly("banana");
        assertThat(subjects(bob.get(base + "?text=kumquat").json())).containsExactly("cherry");
        assertThat(subjects(bob.get(base + "?since=2026-11-11&before=2026-11-12").json())).containsExactly("Apple pie");
        assertThat(subjects(bob.get(base + "?hasAttachment=true").json())).isEmpty();

        messages.storeFlags(inbox, UidSet.of(1), new org.courriel.store.message.FlagChange(
                org.courriel.store.message.FlagChange.Mode.ADD,
                org.courriel.store.message.Flags.of(SystemFlag.SEEN, SystemFlag.FLAGGED)), null);
        assertThat(subjects(bob.get(base + "?seen=false").json())).containsExactly("cherry", "Apple pie");
        assertThat(subjects(bob.get(base + "?flagged=true").json())).containsExactly("banana");
        assertProblem(bob.get(base + "?size=100000"), 400);
    }

    @Test
    void changesSinceAModseqAreRefusedWithConflict() {
        String id = deliverToBob("Racing");
        long modseq = bob.get("/api/v1/messages/" + id).json().get("modseq").asLong();
        bob.post("/api/v1/messages/" + id + "/flags", Map.of("add", List.of("\\Answered")));
        Map<String, Object> stale = new HashMap<>();
        stale.put("add", List.of("\\Seen"));
        stale.put("unchangedSince", modseq);
        ApiClient.Response refused = bob.post("/api/v1/messages/" + id + "/flags", stale);
        assertProblem(refused, 409);
        List<MessageRecord> all = new ArrayList<>();
        messages.scan(mailboxes.get(fixture.bob.id(), "INBOX").id(), UidSet.ALL, MessageFields.BASIC, all::add);
        assertThat(all.get(0).flags().has(SystemFlag.SEEN)).isFalse();

        long current = all.get(0).modseq();
        JsonNode both = bob.post("/api/v1/messages/" + id + "/flags",
                Map.of("add", List.of("\\Seen"), "remove", List.of("\\Answered"), "unchangedSince", current)).json();
        assertThat(ApiRoundTripContract.texts(both.get("flags"))).containsExactly("\\Seen");
        assertThat(both.get("modseq").asLong()).isGreaterThan(current);
    }

    @Test
    void copyKeepsTheOriginalAndExpungeRemovesAtOnce() {
        String id = deliverToBob("Twice");
        ApiClient.Response copy = bob.post("/api/v1/messages/" + id + "/copy", Map.of("mailbox", "Archive"));
        assertThat(copy.status()).isEqualTo(201);
        assertThat(bob.get("/api/v1/messages/" + id).status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/messages/" + copy.json().get("id").asString()).status()).isEqualTo(200);
        JsonNode gone = bob.delete("/api/v1/messages/" + id + "?expunge=true").json();
        assertThat(gone.get("expunged").asBoolean()).isTrue();
        assertThat(messages.uids(mailboxes.get(fixture.bob.id(), "Trash").id())).isEmpty();
        assertProblem(bob.post("/api/v1/messages/" + copy.json().get("id").asString() + "/move",
                Map.of("mailbox", "No such box")), 404);
    }

    @Test
    void openApiDocumentIsValidJsonListingEveryEndpoint() throws java.io.IOException {
        ApiClient.Response doc = new ApiClient(port, null, null).get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        JsonNode api = doc.json();
        // kept beside the build for a look or a client generator
        java.nio.file.Files.write(java.nio.file.Path.of("target", "openapi.json"), doc.body());
        assertThat(api.get("openapi").asString()).startsWith("3.");
        JsonNode paths = api.get("paths");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("/api/v1/mailboxes", List.of("get", "post")),
                Map.entry("/api/v1/mailboxes/{mailboxId}", List.of("get", "patch", "delete")),
                Map.entry("/api/v1/mailboxes/{mailboxId}/messages", List.of("get")),
                Map.entry("/api/v1/messages/{id}", List.of("get", "delete")),
                Map.entry("/api/v1/messages/{id}/raw", List.of("get")),
                Map.entry("/api/v1/messages/{id}/attachments/{partId}", List.of("get")),
                Map.entry("/api/v1/messages/{id}/flags", List.of("post")),
                Map.entry("/api/v1/messages/{id}/move", List.of("post")),
                Map.entry("/api/v1/messages/{id}/copy", List.of("post")),
                Map.entry("/api/v1/send", List.of("post")),
                Map.entry("/api/v1/account", List.of("get")),
                Map.entry("/api/v1/account/automation", List.of("get")),
                Map.entry("/api/v1/account/automation/vacation", List.of("put", "delete")),
                Map.entry("/api/v1/account/automation/forward", List.of("put", "delete")),
                Map.entry("/api/v1/admin/domains", List.of("get", "post")),
                Map.entry("/api/v1/admin/domains/{name}", List.of("delete")),
                Map.entry("/api/v1/admin/accounts", List.of("get", "post")),
                Map.entry("/api/v1/admin/accounts/{address}", List.of("get", "patch", "delete")),
                Map.entry("/api/v1/admin/aliases", List.of("get", "post")),
                Map.entry("/api/v1/admin/aliases/{address}", List.of("delete")),
                Map.entry("/api/v1/admin/shared-mailboxes", List.of("get", "post")),
                Map.entry("/api/v1/admin/shared-mailboxes/{address}", List.of("get", "delete")),
                Map.entry("/api/v1/admin/shared-mailboxes/{address}/grants/{identifier}", List.of("put")),
                Map.entry("/api/v1/admin/queue", List.of("get")),
                Map.entry("/api/v1/admin/queue/{id}", List.of("get", "delete")),
                Map.entry("/api/v1/admin/queue/{id}/retry", List.of("post")),
                Map.entry("/.well-known/autoconfig/mail/config-v1.1.xml", List.of("get")),
                Map.entry("/mail/config-v1.1.xml", List.of("get")),
                Map.entry("/autodiscover/autodiscover.xml", List.of("get", "post")),
                Map.entry("/Autodiscover/Autodiscover.xml", List.of("get", "post")),
                Map.entry("/apple/courriel.mobileconfig", List.of("get")),
                Map.entry("/api/v1/admin/dkim", List.of("get")),
                Map.entry("/api/v1/admin/dkim/{domain}", List.of("get", "post")),
                Map.entry("/api/v1/admin/dkim/{domain}/{selector}/activate", List.of("post")),
                Map.entry("/api/v1/admin/dkim/{domain}/{selector}/retire", List.of("post")),
                Map.entry("/api/v1/admin/dns/{domain}", List.of("get")),
                Map.entry("/.well-known/mta-sts.txt", List.of("get")),
                Map.entry("/.well-known/acme-challenge/{token}", List.of("get")));
        List<String> listed = new ArrayList<>();
        paths.propertyNames().forEach(listed::add);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((path, methods) -> {
            for (String method : methods) {
                JsonNode operation = paths.get(path).get(method);
                assertThat(operation).as(method + " " + path).isNotNull();
                assertThat(operation.get("summary").asString()).as(method + " " + path).isNotBlank();
            }
        });
        // the autoconfiguration documents are public: an empty security requirement overrides the global one
        assertThat(paths.get("/mail/config-v1.1.xml").get("get").get("security")).isEmpty();
        assertThat(paths.get("/autodiscover/autodiscover.xml").get("post").get("security")).isEmpty();
        assertThat(paths.get("/.well-known/mta-sts.txt").get("get").get("security")).isEmpty();
        assertThat(paths.get("/.well-known/acme-challenge/{token}").get("get").get("security")).isEmpty();
        assertThat(api.get("components").get("securitySchemes").get("basicAuth").get("scheme").asString())
                .isEqualTo("basic");
        assertThat(paths.get("/api/v1/messages/{id}").get("get").get("parameters").toString())
                .doesNotContain("AccountInfo");
        JsonNode notFound = paths.get("/api/v1/messages/{id}").get("get").get("responses").get("404");
        assertThat(notFound.get("content").get("application/problem+json")).isNotNull();
        assertThat(api.get("components").get("schemas").get("Problem").get("properties").get("field")).isNotNull();
        assertThat(paths.get("/api/v1/send").get("post").get("responses").get("413")).isNotNull();
        assertThat(new ApiClient(port, null, null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    static List<String> subjects(JsonNode page) {
        List<String> list = new ArrayList<>();
        page.get("messages").forEach(m -> list.add(m.get("subject").asString()));
        return list;
    }
}
