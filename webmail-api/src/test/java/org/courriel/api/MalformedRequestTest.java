package org.courriel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client mistakes, sent byte for byte to the real server, before and after authentication: every one must
 * get a 4xx answer with an RFC 9457 problem body, and no server-side error.
 */
@SpringBootTest(classes = ApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // many requests from one address with bad credentials: the login throttle must not answer instead
        properties = "courriel.auth.max-failures-per-ip=100000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest {

    static final String PASSWORD = "correct horse battery";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MeterRegistry meters;

    String authorization;
    @RegisterExtension
    final FailOnErrorLogs errors = FailOnErrorLogs.anywhere();

    /** One malformed request: a request line, extra header lines, a body; what is expected (0: any 4xx). */
    record Case(String name, String requestLine, List<String> headers, byte[] body, int expected) {
        Case expect(int status) {
            return new Case(name, requestLine, headers, body, status);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case of(String name, String requestLine, String... headers) {
        return new Case(name, requestLine, List.of(headers), new byte[0], 0);
    }

    static Case body(String name, String requestLine, String contentType, byte[] body) {
        return new Case(name, requestLine, List.of("Content-Type: " + contentType), body, 0);
    }

    static Case body(String name, String requestLine, String contentType, String body) {
        return body(name, requestLine, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sent before authentication and after. */
    static Stream<Case> both() {
        String json = "application/json";
        return Stream.of(
                body("form body with a bad escape", "PUT /api/v1/account HTTP/1.1",
                        "application/x-www-form-urlencoded", "a=%ZZ"),
                body("form body with invalid UTF-8", "PATCH /api/v1/mailboxes/1 HTTP/1.1",
                        "application/x-www-form-urlencoded", "a=%ff%fe"),
                body("POSTed form with a bad escape", "POST /api/v1/mailboxes HTTP/1.1",
                        "application/x-www-form-urlencoded", "name=%ZZ"),
                of("bad escape in a path parameter", "GET /api/v1/account;a=%ZZ HTTP/1.1"),
                of("a path parameter", "GET /api/v1/account;jsessionid=1 HTTP/1.1"),
                of("bad escape in the path", "GET /api/v1/mailboxes/%ZZ HTTP/1.1"),
                of("truncated escape in the path", "GET /api/v1/mailboxes/% HTTP/1.1"),
                of("invalid UTF-8 in the path", "GET /api/v1/mailboxes/%ff%fe HTTP/1.1"),
                of("encoded slash in the path", "GET /api/v1/mailboxes/a%2Fb HTTP/1.1"),
                of("encoded dot segments", "GET /api/v1/%2e%2e/%2e%2e/error HTTP/1.1"),
                of("double slash", "GET //api//v1//account HTTP/1.1"),
                of("backslash", "GET /api/v1\\account HTTP/1.1"),
                of("raw 8-bit byte in the path", "GET /api/v1/mailboxes/\u00ff HTTP/1.1"),
                of("bad escape in a query name", "GET /api/v1/mailboxes/1/messages?%ZZ=1 HTTP/1.1"),
                of("invalid UTF-8 query name", "GET /api/v1/mailboxes/1/messages?sin%ff=1 HTTP/1.1"),
                of("invalid UTF-8 query value", "GET /api/v1/mailboxes/1/messages?limit=%ff HTTP/1.1"),
                of("bad escape in a query value", "GET /api/v1/mailboxes/1/messages?limit=%Z HTTP/1.1"),
                of("query parameter of the wrong type", "GET /api/v1/mailboxes/1/messages?limit=many HTTP/1.1"),
                of("huge header", "GET /api/v1/account HTTP/1.1", "X-Filler: " + "a".repeat(64 * 1024)),
                of("too many headers", "GET /api/v1/account HTTP/1.1",
                        Stream.iterate(0, i -> i + 1).limit(300).map(i -> "X-H" + i + ": v").toArray(String[]::new)),
                of("header without a colon", "GET /api/v1/account HTTP/1.1", "NoColonHere"),
                of("Content-Length that is no number", "POST /api/v1/mailboxes HTTP/1.1", "Content-Length: many"),
                body("JSON cut short", "POST /api/v1/mailboxes HTTP/1.1", json, "{\"name\":"),
                body("JSON of the wrong shape", "POST /api/v1/mailboxes HTTP/1.1", json, "[1,2]"),
                body("JSON with a field of the wrong type", "POST /api/v1/mailboxes HTTP/1.1", json, "{\"name\":[]}"),
                body("JSON with invalid UTF-8", "POST /api/v1/mailboxes HTTP/1.1", json,
                        new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, '"', '}'}),
                body("empty JSON body", "POST /api/v1/messages/1/flags HTTP/1.1", json, ""),
                body("wrong content type", "POST /api/v1/mailboxes HTTP/1.1", "text/plain", "x"),
                body("malformed content type", "POST /api/v1/mailboxes HTTP/1.1", "not a media type", "{}"),
                body("unknown charset", "POST /api/v1/mailboxes HTTP/1.1", "application/json; charset=nope", "{}"),
                body("multipart without a boundary", "POST /api/v1/send HTTP/1.1", "multipart/form-data", "x"),
                body("multipart cut short", "POST /api/v1/send HTTP/1.1", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n{"),
                of("unacceptable Accept", "GET /api/v1/account HTTP/1.1", "Accept: image/png"),
                of("unknown method", "BREW /api/v1/account HTTP/1.1"),
                of("unknown path under /api", "GET /api/v2/nothing HTTP/1.1"),
                of("unknown path outside /api", "GET /nothing HTTP/1.1").expect(404),
                of("the error path", "GET /error HTTP/1.1").expect(404),
                of("the error path with another method", "POST /error HTTP/1.1").expect(404),
                of("Authorization that is not base64", "GET /api/v1/account HTTP/1.1", "Authorization: Basic !!!"),
                of("Authorization without a colon", "GET /api/v1/account HTTP/1.1",
                        "Authorization: Basic " + Base64.getEncoder().encodeToString("nobody".getBytes())),
                of("Authorization of an unknown scheme", "GET /api/v1/account HTTP/1.1", "Authorization: Magic x"));
    }

    /** Sent after authentication only (before it, 401 comes first and is right). */
    static Stream<Case> authenticatedOnly() {
        return Stream.of(
                of("a known path with the wrong method", "DELETE /api/v1/account HTTP/1.1").expect(405),
                of("another known path with the wrong method", "PUT /api/v1/mailboxes HTTP/1.1").expect(405),
                of("an unknown path", "GET /api/v1/nothing HTTP/1.1").expect(404),
                of("an id that is no number", "GET /api/v1/mailboxes/first HTTP/1.1").expect(400),
                of("a message id that is no id", "GET /api/v1/messages/%20 HTTP/1.1"));
    }

    @BeforeAll
    void account() {
        String domain = "robust-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        accounts.create("bob@" + domain, PASSWORD, "Bob", 0);
        authorization = "Authorization: Basic " + Base64.getEncoder()
                .encodeToString(("bob@" + domain + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void noRequestFailedOnABug() {
        assertThat(meters.counter("courriel.api.internal.errors").count()).as("requests failed on a bug").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("both")
    void anonymousMistakeIsAProblem(Case c) throws Exception {
        check(c, send(c, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"both", "authenticatedOnly"})
    void authenticatedMistakeIsAProblem(Case c) throws Exception {
        check(c, send(c, c.headers().stream().anyMatch(h -> h.startsWith("Authorization:")) ? null : authorization));
    }

    private RawHttp.Response send(Case c, String auth) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(c.requestLine());
        if (auth != null) {
            lines.add(auth);
        }
        lines.addAll(c.headers());
        return new RawHttp(port).send(String.join("\r\n", lines), c.body());
    }

    static void check(Case c, RawHttp.Response r) {
        assertProblem(c.name(), r);
        if (c.expected() != 0) {
            assertThat(r.status()).as("status of %s: %s", c.name(), r.text()).isEqualTo(c.expected());
        }
        if (r.status() == 405 && !c.requestLine().startsWith("TRACE")) {
            // RFC 9110 §15.5.6: a 405 lists the methods the target takes
            assertThat(r.headers()).as("headers of %s", c.name()).containsKey("allow");
        }
    }

    /** No 5xx; an error is a 4xx with an RFC 9457 problem body whose status is the response's. */
    static void assertProblem(String what, RawHttp.Response r) {
        assertThat(r.status()).as("status of %s: %s", what, r.text()).isLessThan(500);
        if (r.status() < 400) {
            return;
        }
        assertThat(r.contentType()).as("content type of %s: %s", what, r.text()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("status").asInt()).as("problem status of %s", what).isEqualTo(r.status());
        // RFC 9457 §3.1.1: no type means about:blank, whose title is the status phrase
        assertThat(problem.get("title").asString()).as("problem title of %s", what).isNotBlank();
    }
}
