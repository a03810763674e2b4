package org.courriel.api.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import jakarta.servlet.FilterChain;
import tools.jackson.databind.json.JsonMapper;

/** Authentication that cannot read the account answers 503 problem+json with Retry-After, not a 500. */
class DatabaseUnavailableFilterTest {

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(JsonMapper.builder().build());

    @Test
    void anUnavailableDatabaseBehindTheFilterIs503WithRetryAfter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/mailboxes");
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain authentication = (req, res) -> {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        };
        filter.doFilter(request, response, authentication);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(Problems.UNAVAILABLE_RETRY_AFTER);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:courriel:problem:unavailable")
                .contains("/api/v1/mailboxes");
    }

    @Test
    void aBugBehindTheFilterGoesOnToTheContainer() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/mailboxes");
        FilterChain buggy = (req, res) -> {
            throw new IllegalStateException("a bug");
        };
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), buggy))
                .isInstanceOf(IllegalStateException.class);
    }
}
