package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.courriel.CourrielApplication;
import org.courriel.deploy.OneStoreThreeProtocolsTest.ImapClient;
import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.testing.InProcessServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Shared folders end to end (RFC 4314, RFC 2342): alice shares a folder with bob over IMAP, bob reads and flags it
 * while alice's IDLE hears it; the administrator creates info@ with the admin command (through the running
 * server's admin socket), mail sent to info@ over SMTP arrives in "Shared Folders/info" for both, and bob's REST
 * client lists and reads the shared folders with the same rights.
 */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"courriel.data-dir=target/test-data/shared-mailboxes",
            "spring.datasource.url=jdbc:h2:mem:shared-mailboxes;DB_CLOSE_DELAY=-1"})
class SharedMailboxesTest extends InProcessServerTest {

    private static final String DOMAIN = "shared.example.org";
    private static final String PASSWORD = "a shared secret";

    @Test
    void aFolderSharedByOneUserAndADomainMailboxServeBothUsers() throws Exception {
        domains.add(DOMAIN);
        accounts.create("alice@" + DOMAIN, PASSWORD, "Alice", 0);
        accounts.create("bob@" + DOMAIN, PASSWORD, "Bob", 0);

        try (ImapClient alice = new ImapClient(imap.port()); ImapClient bob = new ImapClient(imap.port())) {
            alice.command("a1 LOGIN alice@" + DOMAIN + " \"" + PASSWORD + "\"", "a1 OK");
            alice.command("a2 CREATE Projects", "a2 OK");
            alice.send("a3 APPEND Projects {66+}");
            alice.send("Subject: Plans\r\nFrom: alice@" + DOMAIN + "\r\n\r\nThe plan for Q4.");
            alice.expect("^a3 OK.*");
            alice.command("a4 SETACL Projects bob@" + DOMAIN + " lrsw", "a4 OK");
            alice.command("a5 SELECT Projects", "a5 OK");
            alice.send("a6 IDLE");
            alice.expect("^\\+ .*");

            bob.command("b1 LOGIN bob@" + DOMAIN + " \"" + PASSWORD + "\"", "b1 OK");
            bob.send("b2 LIST \"\" \"Other Users/*\"");
            bob.expect("^\\* LIST \\(\\\\HasNoChildren\\) \"/\" \"Other Users/alice/Projects\"$");
            bob.expect("^b2 OK.*");
            bob.command("b3 SELECT \"Other Users/alice/Projects\"", "b3 OK [READ-WRITE]");
            bob.send("b4 FETCH 1 (BODY[TEXT])");
            bob.expect("^The plan for Q4\\..*");
            bob.expect("^b4 OK.*");
            bob.command("b5 STORE 1 +FLAGS (\\Flagged)", "b5 OK");
            alice.expect("^\\* 1 FETCH \\(.*FLAGS \\(.*\\\\Flagged.*\\).*");
            bob.send("b6 EXPUNGE");
            bob.expect("^b6 NO \\[NOPERM\\].*");
            alice.send("DONE");
            alice.expect("^a6 OK.*");

            Result added = admin("shared", "add", "info@" + DOMAIN,
                    "--grant", "alice@" + DOMAIN + "=lrswipte,bob@" + DOMAIN + "=lrs");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).contains("Shared Folders/info");
            sendOverSmtp("customer@elsewhere.example.net", "info@" + DOMAIN, "Order 42", "Two boxes, please.");

            alice.command("a7 SELECT \"Shared Folders/info\"", "a7 OK [READ-WRITE]");
            bob.command("b7 SELECT \"Shared Folders/info\"", "b7 OK [READ-WRITE]");
            bob.send("b8 FETCH 1 (ENVELOPE)");
            bob.expect("^\\* 1 FETCH \\(ENVELOPE \\(.*\"Order 42\".*");
            bob.expect("^b8 OK.*");
            bob.command("b9 STORE 1 +FLAGS (\\Seen)", "b9 OK");
            alice.send("a8 FETCH 1 (FLAGS)");
            alice.expect("^\\* 1 FETCH \\(FLAGS \\(\\\\Seen.*\\)\\)$");
            alice.expect("^a8 OK.*");
            alice.command("a9 LOGOUT", "a9 OK");
            bob.command("b10 LOGOUT", "b10 OK");
        }

        HttpClient http = HttpClient.newHttpClient();
        String mailboxes = get(http, "/api/v1/mailboxes");
        assertThat(mailboxes).contains("\"name\":\"Other Users/alice/Projects\"", "\"name\":\"Shared Folders/info\"",
                "\"rights\":\"lrs\"");
        String sharedId = mailboxes.replaceAll("(?s).*\"id\":\"?(\\d+)\"?,\"name\":\"Shared Folders/info\".*", "$1");
        String list = get(http, "/api/v1/mailboxes/" + sharedId + "/messages");
        assertThat(list).contains("Order 42");
        String messageId = list.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> deleted = http.send(request("/api/v1/messages/" + messageId + "?expunge=true")
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        // bob holds no "t" nor "e" on info@: the store refuses for REST as for IMAP
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(403);
    }

    record Result(int exit, String out, String err) {
    }

    private static Result admin(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--courriel.data-dir=target/test-data/shared-mailboxes";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(AdminCommandLine.parse(all), System.in,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString(("bob@" + DOMAIN + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(20));
    }

    private String get(HttpClient http, String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
