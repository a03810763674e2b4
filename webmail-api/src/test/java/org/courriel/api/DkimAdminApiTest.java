package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The DKIM and DNS-records admin endpoints and the public MTA-STS policy, over HTTP against the real server
 * (DNS answers "no such name" in tests, so an unforced activation is refused).
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "courriel.hostname=mail.courriel.test")
class DkimAdminApiTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("courriel.dkim.master-key-file", () -> data.resolve("dkim-master.key").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;

    ApiFixture fixture;
    ApiClient admin;
    ApiClient bob;
    @RegisterExtension
    final FailOnErrorLogs errors = FailOnErrorLogs.anywhere();

    @BeforeEach
    void accounts() {
        fixture = new ApiFixture(domains, accounts);
        admin = new ApiClient(port, fixture.admin.address(), ApiFixture.PASSWORD);
        bob = new ApiClient(port, fixture.bob.address(), ApiFixture.PASSWORD);
    }

    private String keys() {
        return "/api/v1/admin/dkim/" + fixture.domain;
    }

    @Test
    void keyLifeCycleAndSigningOfMailSentThroughTheApi() {
        ApiClient.Response added = admin.post(keys(), Map.of("selector", "s1", "algorithm", "ed25519"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.json().get("state").asString()).isEqualTo("pending");
        assertThat(added.json().get("recordName").asString()).isEqualTo("s1._domainkey." + fixture.domain);
        assertThat(added.json().get("recordText").asString()).startsWith("v=DKIM1; k=ed25519; p=");
        assertThat(added.text()).doesNotContainIgnoringCase("private");

        // Not published (tests have no DNS): refused with what to publish, and it does not sign.
        ApiClient.Response refused = admin.post(keys() + "/s1/activate", Map.of());
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("no TXT record at s1._domainkey.");
        assertThat(sentCopy("unsigned")).doesNotContain("DKIM-Signature");

        ApiClient.Response forced = admin.post(keys() + "/s1/activate?force=true", Map.of());
        assertThat(forced.status()).as(forced.text()).isEqualTo(200);
        assertThat(forced.json().get("state").asString()).isEqualTo("active");
        assertThat(sentCopy("signed")).startsWith("DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;")
                .contains("d=" + fixture.domain + ";", "s=s1;");

        ApiClient.Response retired = admin.post(keys() + "/s1/retire", Map.of());
        assertThat(retired.json().get("state").asString()).isEqualTo("retired");
        JsonNode list = admin.get(keys()).json();
        assertThat(list).singleElement().satisfies(k -> assertThat(k.get("state").asString()).isEqualTo("retired"));
        assertThat(sentCopy("after retiring")).doesNotContain("DKIM-Signature");
    }

    @Test
    void refusalsAreProblems() {
        assertThat(bob.get("/api/v1/admin/dkim").status()).isEqualTo(403);
        assertThat(bob.post(keys(), Map.of()).status()).isEqualTo(403);
        assertThat(new ApiClient(port, null, null).get("/api/v1/admin/dns/" + fixture.domain).status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/admin/dkim/unknown.example", Map.of()).status()).isEqualTo(404);
        assertThat(admin.post(keys(), Map.of("algorithm", "dsa")).status()).isEqualTo(400);
        assertThat(admin.post(keys(), Map.of("selector", "bad selector")).status()).isEqualTo(400);
        assertThat(admin.post(keys(), Map.of("selector", "twice")).status()).isEqualTo(201);
        assertThat(admin.post(keys(), Map.of("selector", "twice")).status()).isEqualTo(409);
        assertThat(admin.post(keys() + "/absent/activate?force=true", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void recordsOfADomainAndItsPublicMtaStsPolicy() throws Exception {
        admin.post(keys(), Map.of("selector", "r1"));
        ApiClient.Response records = admin.get("/api/v1/admin/dns/" + fixture.domain);
        assertThat(records.status()).as(records.text()).isEqualTo(200);
        List<String> zone = new ArrayList<>();
        records.json().get("zone").forEach(line -> zone.add(line.asString()));
        assertThat(zone).contains(fixture.domain + ". IN MX 10 mail.courriel.test.",
                fixture.domain + ". IN TXT \"v=spf1 mx -all\"",
                "_imaps._tcp." + fixture.domain + ". IN SRV 0 1 993 mail.courriel.test.")
                .anyMatch(l -> l.startsWith("r1._domainkey." + fixture.domain + ". IN TXT \"v=DKIM1; k=rsa; p="));
        String policy = records.json().get("mtaStsPolicy").asString();
        assertThat(policy).isEqualTo("version: STSv1\r\nmode: testing\r\nmx: mail.courriel.test\r\nmax_age: 604800\r\n");

        RawHttp http = new RawHttp(port);
        RawHttp.Response served = http.send(("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: mta-sts."
                + fixture.domain + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.headers().get("content-type")).startsWith("text/plain");
        assertThat(served.text()).isEqualTo(policy);
        RawHttp.Response other = http.send(("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: mta-sts.elsewhere.example"
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(other.status()).isEqualTo(404);
        RawHttp.Response bare = http.send(("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: " + fixture.domain
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(bare.status()).isEqualTo(404);
    }

    /** Bob sends to Alice over the API; the text of the copy in his Sent mailbox. */
    private String sentCopy(String subject) {
        ApiClient.Response sent = bob.post("/api/v1/send", Map.of("to", List.of(fixture.alice.address()),
                "subject", subject, "text", "Hi"));
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        long sentBox = mailboxes.get(fixture.bob.id(), "Sent").id();
        List<MessageRecord> all = new ArrayList<>();
        messages.scan(sentBox, UidSet.ALL, MessageFields.BASIC, all::add);
        return new String(messages.content(all.getLast().contentId()), StandardCharsets.UTF_8);
    }
}
