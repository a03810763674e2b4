package org.courriel.api.problem;

import java.io.IOException;

import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Boot's form filter (which reads {@code application/x-www-form-urlencoded} bodies of PUT, PATCH and
 * DELETE as parameters), except that a body it cannot decode (a bad %-escape, invalid UTF-8) is the
 * client's mistake, answered 400 with a problem, not an exception out of the filter chain (500).
 */
final class FormBodyFilter extends OrderedFormContentFilter {

    private final JsonMapper json;

    FormBodyFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean[] parsed = {false};
        try {
            super.doFilterInternal(request, response, (req, res) -> {
                parsed[0] = true;
                chain.doFilter(req, res);
            });
        } catch (HttpMessageNotReadableException e) {
            if (parsed[0] || response.isCommitted()) {
                throw e; // from further down the chain: not this filter's to answer
            }
            Problems.write(response, Problems.of(ProblemType.INVALID_REQUEST,
                    "the form body is not valid application/x-www-form-urlencoded UTF-8", request), json);
        }
    }
}
