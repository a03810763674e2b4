package org.courriel.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A controller that meets an unavailable database answers 503 with Retry-After; it is not counted as a bug. */
class ProblemHandlerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProblemHandler handler = new ProblemHandler(meters);

    @Test
    void anUnavailableDatabaseIs503NotABug() {
        ResponseEntity<ProblemDetail> answer = handler.bug(
                new DataAccessResourceFailureException("An I/O error occurred while sending to the backend"),
                new MockHttpServletRequest("GET", "/api/v1/mailboxes"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(Problems.UNAVAILABLE_RETRY_AFTER);
        assertThat(answer.getBody().getType().toString()).isEqualTo("urn:courriel:problem:unavailable");
        assertThat(meters.counter("courriel.api.internal.errors").count()).isZero();
    }

    @Test
    void aBugIs500AndCounted() {
        ResponseEntity<ProblemDetail> answer = handler.bug(new IllegalStateException("a bug"),
                new MockHttpServletRequest("GET", "/api/v1/mailboxes"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(meters.counter("courriel.api.internal.errors").count()).isEqualTo(1);
    }
}
