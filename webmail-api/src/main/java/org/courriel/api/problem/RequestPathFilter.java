package org.courriel.api.problem;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, first of all filters, a request path that Spring cannot parse into segments: Tomcat decodes the
 * path but passes path parameters ({@code ;a=%ZZ}) through, and Spring's parser then fails outside any
 * handler (500). RFC 3986 §2.1: a '%' must be followed by two hexadecimal digits.
 */
final class RequestPathFilter extends OncePerRequestFilter implements Ordered {

    private final JsonMapper json;

    RequestPathFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            RequestPath.parse(request.getRequestURI(), request.getContextPath());
        } catch (IllegalArgumentException e) {
            Problems.write(response, Problems.ofStatus(400, "the request path has an invalid %-escape", null), json);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
