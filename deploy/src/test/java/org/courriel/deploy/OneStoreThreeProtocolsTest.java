package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.deploy.testing.InProcessServerTest;
import org.courriel.CourrielApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;


/**
 * The whole server as a user meets it: mail arrives over SMTP, an IMAP client IDLEs on INBOX, a web client
 * reads, flags and deletes over REST, and the IMAP client hears every change as it happens.
 */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"courriel.data-dir=target/test-data/three-protocols",
            "spring.datasource.url=jdbc:h2:mem:three-protocols;DB_CLOSE_DELAY=-1"})
class OneStoreThreeProtocolsTest extends InProcessServerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);


    @Test
    void smtpDeliveryRestChangesAndImapIdleAgree() throws Exception {
        domains.add("three.example.org");
        accounts.create("carol@three.example.org", "carol's password", "Carol", 0);

        try (ImapClient idle = new ImapClient(imap.port())) {
            idle.command("a1 LOGIN carol@three.example.org \"carol's password\"", "a1 OK");
            idle.command("a2 SELECT INBOX", "a2 OK");
            idle.send("a3 IDLE");
            idle.expect("^\\+ .*");

            sendOverSmtp("Hello from SMTP");
            idle.expect("^\\* 1 EXISTS$");

            HttpClient http = HttpClient.newHttpClient();
            String mailboxes = get(http, "/api/v1/mailboxes");
            String inboxId = find(mailboxes, "\"id\":\"?([^,\"]+)\"?,\"name\":\"INBOX\"");
            String list = get(http, "/api/v1/mailboxes/" + inboxId + "/messages");
            assertThat(list).contains("Hello from SMTP");
            String messageId = find(list, "\"id\":\"([^\"]+)\"");

            HttpResponse<String> flagged = http.send(request("/api/v1/messages/" + messageId + "/flags")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"add\":[\"\\\\Flagged\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(flagged.statusCode()).as(flagged.body()).isLessThan(300);
            idle.expect("^\\* 1 FETCH \\(.*FLAGS \\(.*\\\\Flagged.*\\).*");

            HttpResponse<String> deleted = http.send(request("/api/v1/messages/" + messageId + "?expunge=true")
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).as(deleted.body()).isLessThan(300);
            idle.expect("^\\* 1 EXPUNGE$");

            idle.send("DONE");
            idle.expect("^a3 OK.*");
            idle.command("a4 LOGOUT", "a4 OK");
        }
    }

    private void sendOverSmtp(String subject) throws Exception {
        sendOverSmtp("dave@elsewhere.example.net", "carol@three.example.org", subject, "Three protocols, one store.");
    }

    private HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString("carol@three.example.org:carol's password"
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", "Basic " + basic).timeout(WAIT);
    }

    private String get(HttpClient http, String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    /** A line-level IMAP client: sends commands, waits for a line matching a pattern. */
    static final class ImapClient implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private final List<String> seen = new ArrayList<>();

        ImapClient(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) WAIT.toMillis());
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            expect("^\\* OK.*");
        }

        void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void command(String line, String okPrefix) throws IOException {
            send(line);
            expect("^" + Pattern.quote(okPrefix) + ".*");
        }

        /** Reads lines until one matches; fails on a tagged NO or BAD, or after the socket timeout. */
        void expect(String regex) throws IOException {
            Pattern p = Pattern.compile(regex);
            String line;
            while ((line = in.readLine()) != null) {
                seen.add(line);
                if (p.matcher(line).matches()) {
                    return;
                }
                if (line.matches("^\\w+ (NO|BAD) .*")) {
                    throw new AssertionError("server refused: " + line + " while waiting for " + regex + "; seen " + seen);
                }
            }
            throw new AssertionError("connection closed while waiting for " + regex + "; seen " + seen);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
