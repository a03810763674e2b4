package org.courriel.api.security;

import java.io.IOException;
import java.time.Duration;

import org.courriel.api.problem.ProblemType;
import org.courriel.api.problem.Problems;
import org.courriel.store.account.AccountInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of the API's filter chain that answer before any controller runs, each with a problem detail:
 * 401 (with the Basic challenge), 403, 413 for a declared body past the limit, 429 past the rate limit or
 * after too many failed logins.
 * None of them is a bean, so the servlet container does not register them for every path.
 */
final class ApiFilters {

    /** RFC 9110 §11.6.1: the challenge a 401 carries. */
    static final String CHALLENGE = "Basic realm=\"Courriel\", charset=\"UTF-8\"";

    private ApiFilters() {
    }

    static AuthenticationEntryPoint entryPoint(JsonMapper json, Duration coolDown) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof AccountAuthenticationProvider.LoginThrottledException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, coolDown.toSeconds())));
                Problems.write(response, Problems.of(ProblemType.RATE_LIMITED, e.getMessage(), request), json);
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            Problems.write(response, Problems.of(ProblemType.UNAUTHENTICATED,
                    "HTTP Basic authentication with an account's address and password is required", request), json);
        };
    }

    static AccessDeniedHandler accessDenied(JsonMapper json) {
        return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) ->
                Problems.write(response, Problems.of(ProblemType.FORBIDDEN,
                        "this endpoint is for administrators", request), json);
    }

    /** Refuses a body whose declared length is past the limit before reading it. */
    static final class RequestSizeFilter extends OncePerRequestFilter {
        private final long maxBytes;
        private final JsonMapper json;

        RequestSizeFilter(long maxBytes, JsonMapper json) {
            this.maxBytes = maxBytes;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > maxBytes) {
                response.setHeader(HttpHeaders.CONNECTION, "close");
                Problems.write(response, Problems.of(ProblemType.TOO_LARGE,
                        "the request body is larger than " + maxBytes + " bytes", request), json);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Takes a token of the authenticated account's bucket, or answers 429 with Retry-After. */
    static final class RateLimitFilter extends OncePerRequestFilter {
        private final RateLimiter limiter;
        private final JsonMapper json;

        RateLimitFilter(RateLimiter limiter, JsonMapper json) {
            this.limiter = limiter;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof AccountInfo account) {
                long wait = limiter.acquire(account.id());
                if (wait > 0) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                    Problems.write(response, Problems.of(ProblemType.RATE_LIMITED,
                            "too many requests for this account; retry in " + wait + " s", request), json);
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
