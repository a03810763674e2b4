package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.courriel.mta.delivery.MailDelivery;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The API as curl, a client that owes nothing to Java or Spring, uses it. */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CurlClientTest {

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MailDelivery delivery;
    @TempDir
    Path dir;

    private record Result(int exit, String headers, byte[] body) {
    }

    private Result curl(String... args) throws IOException, InterruptedException {
        Path headers = dir.resolve("headers-" + System.nanoTime());
        Path body = dir.resolve("body-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "30",
                "--dump-header", headers.toString(), "--output", body.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(headers), Files.readAllBytes(body));
    }

    private static boolean curlInstalled() {
        try {
            return new ProcessBuilder("curl", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void curlListsReadsDownloadsAndSendsWithAttachments() throws Exception {
        assumeTrue(curlInstalled(), "curl is not installed");
        ApiFixture fixture = new ApiFixture(domains, accounts);
        ApiFixture.deliver(delivery, fixture.bob.address(),
                ApiFixture.multipart("Curl", "carol@example.com", fixture.bob.address()));
        String user = fixture.bob.address() + ":" + ApiFixture.PASSWORD;
        String base = "http://127.0.0.1:" + port;
        long inbox = mailboxes.get(fixture.bob.id(), "INBOX").id();

        Result list = curl("--user", user, base + "/api/v1/mailboxes/" + inbox + "/messages");
        assertThat(list.exit()).isZero();
        assertThat(list.headers()).startsWith("HTTP/1.1 200");
        String id = ApiClient.JSON.readTree(list.body()).get("messages").get(0).get("id").asString();

        Result raw = curl("--user", user, base + "/api/v1/messages/" + id + "/raw");
        assertThat(raw.headers()).containsIgnoringCase("content-disposition: attachment")
                .containsIgnoringCase("x-content-type-options: nosniff");
        assertThat(new String(raw.body())).contains("Subject: Curl");

        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "some notes\n");
        Result sent = curl("--user", user,
                "--form", "message={\"to\":[\"" + fixture.alice.address() + "\"],\"subject\":\"From curl\",\"text\":\"hi\"};type=application/json",
                "--form", "attachments=@" + file + ";type=text/plain",
                base + "/api/v1/send");
        assertThat(sent.headers()).as(new String(sent.body())).startsWith("HTTP/1.1 202");
        JsonNode result = ApiClient.JSON.readTree(sent.body());
        assertThat(ApiRoundTripContract.texts(result.get("delivered"))).containsExactly(fixture.alice.address());

        Result denied = curl(base + "/api/v1/mailboxes");
        assertThat(denied.headers()).startsWith("HTTP/1.1 401").containsIgnoringCase("www-authenticate: Basic")
                .containsIgnoringCase("content-type: application/problem+json");
    }
}
