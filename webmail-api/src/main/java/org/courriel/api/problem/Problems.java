package org.courriel.api.problem;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import org.courriel.store.StoreException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details, and writes them from servlet filters where no controller advice runs. */
public final class Problems {

    /** The extension member naming the request field at fault (RFC 9457 §3.2). */
    public static final String FIELD = "field";

    /** Seconds a client is asked to wait before trying again when the store is unavailable (RFC 9110 §10.2.3). */
    public static final String UNAVAILABLE_RETRY_AFTER = "5";

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        if (request != null) {
            setInstance(problem, request.getRequestURI());
        }
        return problem;
    }

    /**
     * The problem of an HTTP status the servlet container or Spring chose (400 of an undecodable request,
     * 404, 405...): our type when one has the status, else {@code about:blank} with the status phrase as title
     * (RFC 9457 §4.2.1).
     *
     * @param path the request path for {@code instance}, or null
     */
    public static ProblemDetail ofStatus(int status, String detail, String path) {
        ProblemType type = ProblemType.of(status).orElse(null);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        if (type != null) {
            problem.setType(type.type());
            problem.setTitle(type.title());
        } else {
            HttpStatus known = HttpStatus.resolve(status);
            problem.setTitle(known != null ? known.getReasonPhrase() : "HTTP " + status);
        }
        setInstance(problem, path);
        return problem;
    }

    /** A path a client sent may not be a valid URI reference (that may be why it is refused): then none. */
    private static void setInstance(ProblemDetail problem, String path) {
        if (path == null) {
            return;
        }
        try {
            problem.setInstance(new URI(path));
        } catch (URISyntaxException e) {
            problem.setInstance(null);
        }
    }

    /** The 503 problem of a database that cannot be reached for now; nothing was changed. */
    public static ProblemDetail unavailable(HttpServletRequest request) {
        return of(ProblemType.UNAVAILABLE, "the mail store is unavailable; nothing was changed, try again later",
                request);
    }

    public static ProblemDetail of(ApiException e, HttpServletRequest request) {
        ProblemDetail problem = of(e.type(), e.getMessage(), request);
        if (e.field() != null) {
            problem.setProperty(FIELD, e.field());
        }
        return problem;
    }

    /** The one place where the store's reasons become HTTP problems. */
    public static ProblemType typeOf(StoreException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case ALREADY_EXISTS -> ProblemType.ALREADY_EXISTS;
            case OVER_QUOTA -> ProblemType.OVER_QUOTA;
            case STORAGE_FULL -> ProblemType.STORAGE_FULL;
            case INVALID -> ProblemType.INVALID_REQUEST;
            case NOT_ALLOWED -> ProblemType.CONFLICT;
            case NO_PERMISSION -> ProblemType.FORBIDDEN;
            case UNAVAILABLE -> ProblemType.UNAVAILABLE;
        };
    }

    /** Writes a problem as the response of a filter (authentication, rate limit, size limit). */
    public static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
