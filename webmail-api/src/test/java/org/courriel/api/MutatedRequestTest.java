package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.courriel.mta.delivery.MailDelivery;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A bounded, reproducible mutation fuzz of the known endpoints: valid requests with one to three random
 * changes (to the method, the target, the headers, the body). None may get a 5xx or an error that is not a
 * problem; the seed is fixed, so a failure replays.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "courriel.auth.max-failures-per-ip=100000")
class MutatedRequestTest {

    @RegisterExtension
    final FailOnErrorLogs errors = FailOnErrorLogs.anywhere();

    private static final long SEED = 20261202L;
    private static final int REQUESTS = 500;

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "BREW"};
    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data", "multipart/form-data; boundary=x", "application/json; charset=nope", "garbage",
            "application/json; charset=ISO-8859-1", "*/*"};
    private static final String[] INSERTS = {"%", "%Z", "%ZZ", "%ff", "%00", "%2F", "%2e%2e", ";a=%ZZ", "//", "?",
            "&", "=", "#", "%c3%28", "\u00e9", "\u00ff", "\\", "..", " ", "{", "%u0041"};

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
    @Autowired
    MeterRegistry meters;

    /** A valid request to mutate. */
    record Seed(String method, String target, String contentType, String body) {
    }

    @Test
    void mutatedRequestsToKnownEndpointsNeverGetA5xxOrAnErrorThatIsNotAProblem() throws Exception {
        ApiFixture fixture = new ApiFixture(domains, accounts);
        String bob = fixture.bob.address();
        ApiFixture.deliver(delivery, bob, ApiFixture.multipart("fuzzed", "carol@example.com", bob));
        long inbox = mailboxes.get(fixture.bob.id(), "INBOX").id();
        String message = new ApiClient(port, bob, ApiFixture.PASSWORD).get("/api/v1/mailboxes/" + inbox + "/messages")
                .json().get("messages").get(0).get("id").asString();
        List<Seed> seeds = List.of(
                new Seed("GET", "/api/v1/account", null, null),
                new Seed("GET", "/api/v1/mailboxes", null, null),
                new Seed("GET", "/api/v1/mailboxes/" + inbox, null, null),
                new Seed("GET", "/api/v1/mailboxes/" + inbox + "/messages?page=0&size=10&sort=date&order=desc", null, null),
                new Seed("POST", "/api/v1/mailboxes", "application/json", "{\"name\":\"Fuzz\"}"),
                new Seed("PATCH", "/api/v1/mailboxes/" + inbox, "application/json", "{\"name\":\"INBOX\"}"),
                new Seed("GET", "/api/v1/messages/" + message, null, null),
                new Seed("GET", "/api/v1/messages/" + message + "/raw", null, null),
                new Seed("GET", "/api/v1/messages/" + message + "/attachments/2", null, null),
                new Seed("POST", "/api/v1/messages/" + message + "/flags", "application/json",
                        "{\"add\":[\"\\\\Seen\"],\"remove\":[\"$Junk\"]}"),
                new Seed("POST", "/api/v1/messages/" + message + "/copy", "application/json", "{\"mailbox\":\"INBOX\"}"),
                new Seed("POST", "/api/v1/send", "application/json",
                        "{\"to\":[\"" + bob + "\"],\"subject\":\"fuzz\",\"text\":\"hello\"}"),
                new Seed("GET", "/api/v1/admin/accounts", null, null),
                new Seed("DELETE", "/api/v1/messages/" + message + "x", null, null));
        String authorization = "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((bob + ":" + ApiFixture.PASSWORD).getBytes(StandardCharsets.UTF_8));

        Random random = new Random(SEED);
        RawHttp http = new RawHttp(port);
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Seed seed = seeds.get(random.nextInt(seeds.size()));
            Mutant m = new Mutant(seed.method(), seed.target(), new ArrayList<>(List.of(authorization)),
                    seed.contentType(), seed.body() == null ? new byte[0] : seed.body().getBytes(StandardCharsets.UTF_8));
            int changes = 1 + random.nextInt(3);
            StringBuilder what = new StringBuilder("#" + i + " " + seed.method() + " " + seed.target() + ":");
            for (int c = 0; c < changes; c++) {
                what.append(' ').append(m.mutate(random));
            }
            RawHttp.Response r = http.send(m.head(), m.body);
            MalformedRequestTest.assertProblem(what.toString(), r);
            statuses.merge(r.status() / 100, 1, Integer::sum);
        }
        // the fuzz reaches the endpoints, not only the authentication or the container's checks
        assertThat(statuses).as("responses by status class").containsKeys(2, 4);
        assertThat(meters.counter("courriel.api.internal.errors").count()).as("requests failed on a bug").isZero();
    }

    /** A request being mutated. */
    private static final class Mutant {
        String method;
        String target;
        final List<String> headers;
        String contentType;
        byte[] body;

        Mutant(String method, String target, List<String> headers, String contentType, byte[] body) {
            this.method = method;
            this.target = target;
            this.headers = headers;
            this.contentType = contentType;
            this.body = body;
        }

        /** One random change; says which. */
        String mutate(Random random) {
            switch (random.nextInt(9)) {
                case 0 -> {
                    method = METHODS[random.nextInt(METHODS.length)];
                    return "method " + method;
                }
                case 1, 2 -> {
                    String insert = INSERTS[random.nextInt(INSERTS.length)];
                    int at = 1 + random.nextInt(target.length());
                    target = target.substring(0, at) + insert + target.substring(at);
                    return "target " + target;
                }
                case 3 -> {
                    String escape = "%" + HexFormat.of().toHexDigits((byte) random.nextInt(256));
                    target = target + (target.contains("?") ? "&" : "?") + (random.nextBoolean()
                            ? "q" + escape + "=1" : "size=" + escape);
                    return "query " + target;
                }
                case 4 -> {
                    contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
                    return "content type " + contentType;
                }
                case 5 -> {
                    if (body.length > 0) {
                        body = java.util.Arrays.copyOf(body, random.nextInt(body.length));
                    }
                    return "body cut to " + body.length;
                }
                case 6 -> {
                    if (body.length == 0) {
                        body = "{}".getBytes(StandardCharsets.US_ASCII);
                    }
                    body = body.clone();
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                    return "body byte changed";
                }
                case 7 -> {
                    headers.clear();
                    String credentials = random.nextBoolean() ? "" : "Authorization: Basic "
                            + Base64.getEncoder().encodeToString(("x" + random.nextInt() + ":y").getBytes(StandardCharsets.UTF_8));
                    if (!credentials.isEmpty()) {
                        headers.add(credentials);
                    }
                    return credentials.isEmpty() ? "no credentials" : "wrong credentials";
                }
                default -> {
                    String[] odd = {"Accept: image/png", "Content-Encoding: gzip", "Transfer-Encoding: chunked",
                            "Expect: 100-continue", "X-Long: " + "x".repeat(9000), "Range: bytes=9-1",
                            "If-None-Match: *", "Accept-Charset: nope"};
                    String header = odd[random.nextInt(odd.length)];
                    if (header.startsWith("Transfer-Encoding") || header.startsWith("Expect")) {
                        return "no header"; // framing headers would desynchronise this simple client
                    }
                    headers.add(header);
                    return "header " + header.substring(0, Math.min(header.length(), 20));
                }
            }
        }

        String head() {
            List<String> lines = new ArrayList<>();
            lines.add(method + " " + target + " HTTP/1.1");
            lines.addAll(headers);
            if (contentType != null) {
                lines.add("Content-Type: " + contentType);
            }
            return String.join("\r\n", lines);
        }
    }
}
