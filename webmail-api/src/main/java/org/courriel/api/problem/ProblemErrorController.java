package org.courriel.api.problem;

import java.io.IOException;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet container's error page, in place of Spring Boot's: whatever was refused outside a controller
 * (Spring Security's firewall, a filter, {@code sendError}) is answered as an RFC 9457 problem of its status.
 * Asked for directly, the error path is an unknown path (404), not Boot's status 999.
 * <p>
 * The problem is written directly, not negotiated: a client whose Accept excludes JSON still gets it,
 * rather than a second error while rendering the first.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    private final JsonMapper json;

    public ProblemErrorController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            Problems.write(response, Problems.ofStatus(404, "no such endpoint", request.getRequestURI()), json);
            return;
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        String detail = status >= 500 ? "internal error; the server log has the details" : detail(status);
        Problems.write(response, Problems.ofStatus(status, detail, path), json);
    }

    /** The container's own messages may quote the request back: a fixed text per status instead. */
    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its target, headers or body)";
            case 401 -> "authentication is required";
            case 403 -> "not allowed";
            case 404 -> "no such endpoint";
            case 405 -> "the endpoint does not take this method; Allow lists those it takes";
            case 406 -> "no representation matches the Accept header";
            case 413 -> "the request is larger than allowed";
            case 414 -> "the request target is longer than allowed";
            case 415 -> "the media type is not supported here";
            case 431 -> "the request header fields are larger than allowed";
            default -> "the request was refused";
        };
    }
}
