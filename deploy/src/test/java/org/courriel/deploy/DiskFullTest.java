package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.courriel.CourrielApplication;
import org.courriel.deploy.testing.InProcessServerTest;
import org.courriel.deploy.testing.LineConnection;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.store.disk.FreeSpaceGuard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * The embedded H2 store's disk counts as nearly full (the minimum free space is raised above what is free):
 * new mail is refused as temporary on every protocol (SMTP 452 4.3.1, IMAP NO [OVERQUOTA], HTTP 507) while
 * reading and flagging go on; once there is room again, mail is accepted and the store holds exactly the
 * messages acknowledged, readable.
 */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"courriel.data-dir=target/test-data/disk-full",
            // a new H2 file database each run, in the data directory as by default
            "spring.datasource.url=jdbc:h2:file:${courriel.data-dir}/courriel-${random.uuid}"})
class DiskFullTest extends InProcessServerTest {

    private static final String ADDRESS = "dora@disk.example.org";
    private static final String PASSWORD = "dora's password";

    @Autowired
    FreeSpaceGuard guard;

    @Test
    void newMailIsRefusedAsTemporaryWhileTheDiskIsNearlyFullAndAcceptedOnceThereIsRoom() throws Exception {
        domains.add("disk.example.org");
        accounts.create(ADDRESS, PASSWORD, "Dora", 0);
        assertThat(guard.directory()).as("the H2 file database is watched").isNotNull();
        assertThat(deliver("<before@disk.test>")).startsWith("250 ");

        long free = Files.getFileStore(guard.directory()).getUsableSpace();
        guard.minimumFreeSpace(DataSize.ofBytes(free + DataSize.ofGigabytes(1024).toBytes()));

        assertThat(deliver("<refused@disk.test>")).startsWith("452 4.3.1 ");
        try (LineConnection c = imapSelected()) {
            assertThat(append(c, "a1", "<refused-append@disk.test>")).startsWith("a1 NO [OVERQUOTA] ");
            assertThat(c.tagged("r1", "FETCH 1 (FLAGS BODY.PEEK[HEADER])")).as("reading goes on").startsWith("r1 OK");
            assertThat(c.tagged("r2", "STORE 1 +FLAGS (\\Flagged)")).as("flagging goes on").startsWith("r2 OK");
        }
        HttpResponse<String> sent = send();
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(507);
        assertThat(sent.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(sent.body()).contains("urn:courriel:problem:storage-full");

        guard.minimumFreeSpace(DataSize.ofMegabytes(1));

        assertThat(deliver("<after@disk.test>")).startsWith("250 ");
        try (LineConnection c = imapSelected()) {
            assertThat(append(c, "a2", "<after-append@disk.test>")).startsWith("a2 OK");
            assertThat(c.tagged("n", "NOOP")).startsWith("n OK");
            Map<String, Integer> ids = c.messageIds();
            assertThat(ids).containsOnly(Map.entry("<before@disk.test>", 1), Map.entry("<after@disk.test>", 1),
                    Map.entry("<after-append@disk.test>", 1));
        }
    }

    private String deliver(String messageId) throws Exception {
        try (LineConnection c = new LineConnection(smtp.port(ListenerKind.MX))) {
            c.expect("220");
            c.reply("EHLO client.example.net");
            return c.smtpTransaction("sender@elsewhere.example.net", ADDRESS, messageId);
        }
    }

    private LineConnection imapSelected() throws Exception {
        LineConnection c = new LineConnection(imap.port());
        c.expect("* OK");
        assertThat(c.tagged("l", "LOGIN " + ADDRESS + " \"" + PASSWORD + "\"")).contains(" OK ");
        assertThat(c.tagged("s", "SELECT INBOX")).contains(" OK ");
        return c;
    }

    /** APPEND with a non-synchronising literal (RFC 7888). */
    private static String append(LineConnection c, String tag, String messageId) throws Exception {
        String message = "Message-ID: " + messageId + "\r\nSubject: append\r\n\r\nbody\r\n";
        return c.tagged(tag, "APPEND INBOX {" + message.length() + "+}\r\n" + message);
    }

    private HttpResponse<String> send() throws Exception {
        String basic = Base64.getEncoder().encodeToString((ADDRESS + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/send"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"to\":[\"" + ADDRESS + "\"],\"subject\":\"refused\",\"text\":\"no room\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
