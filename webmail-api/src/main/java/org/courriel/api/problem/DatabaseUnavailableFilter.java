package org.courriel.api.problem;

import java.io.IOException;

import org.courriel.store.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 with Retry-After, as {@link ProblemHandler} does for controllers, when a filter after this one
 * (authentication reads the account) fails because the database is unavailable: without it, the failure
 * would reach the servlet container as a 500 with a stack trace in the log.
 */
public final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final JsonMapper json;

    public DatabaseUnavailableFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (response.isCommitted() || !DatabaseUnavailable.is(e)) {
                throw e;
            }
            log.warn("REST request {} {}: the database is unavailable: {}", request.getMethod(),
                    request.getRequestURI(), DatabaseUnavailable.describe(e));
            response.reset();
            // RFC 9110 §15.6.4 and §10.2.3
            response.setHeader(HttpHeaders.RETRY_AFTER, Problems.UNAVAILABLE_RETRY_AFTER);
            Problems.write(response, Problems.unavailable(request), json);
        }
    }
}
