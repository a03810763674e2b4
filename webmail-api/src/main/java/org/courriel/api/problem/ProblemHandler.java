package org.courriel.api.problem;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;

/**
 * The one mapping of failures to RFC 9457 problem details for the API's controllers: the API's own refusals
 * ({@link ApiException}), the store's ({@link StoreException}, by reason), an unavailable database (503 with
 * Retry-After, logged at WARN), Spring MVC's request errors (unreadable JSON, a parameter of the wrong type, an
 * upload past the limit, an unknown path, a known path with another method) and bugs (500, logged).
 * {@link DatabaseUnavailableFilter} answers the same 503 for the filters that run before any controller
 * (authentication).
 * <p>
 * Not limited to the API's packages: a request that fails before a handler is chosen (no endpoint, wrong
 * method, an unreadable multipart body) has no controller, and must get a problem all the same.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Counter bugs;

    public ProblemHandler(MeterRegistry meters) {
        this.bugs = Counter.builder("courriel.api.internal.errors")
                .description("REST requests that failed on a bug (answered 500, logged with the stack trace)")
                .register(meters);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return respond(Problems.of(e, request));
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<ProblemDetail> store(StoreException e, HttpServletRequest request) {
        ProblemType type = Problems.typeOf(e.reason());
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(type.status());
        if (type == ProblemType.UNAVAILABLE) {
            builder.header(HttpHeaders.RETRY_AFTER, Problems.UNAVAILABLE_RETRY_AFTER);
        }
        return builder.body(Problems.of(type, e.getMessage(), request));
    }

    /** Tomcat's parameter parser meets a bad %-escape or invalid UTF-8 in the query or a form body. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> parameters(InvalidParameterException e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.INVALID_REQUEST,
                "a query or form parameter is not valid %-encoded UTF-8", request));
    }

    /** A multipart body without a boundary, cut short or otherwise unreadable (RFC 7578). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.INVALID_REQUEST, "the multipart/form-data body is not readable",
                request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> bug(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.is(e)) {
            // Not a bug: the database is stopped or unreachable for now (RFC 9110 §15.6.4).
            log.warn("REST request {} {}: the database is unavailable: {}", request.getMethod(),
                    request.getRequestURI(), DatabaseUnavailable.describe(e));
            return ResponseEntity.status(ProblemType.UNAVAILABLE.status())
                    .header(HttpHeaders.RETRY_AFTER, Problems.UNAVAILABLE_RETRY_AFTER)
                    .body(Problems.unavailable(request));
        }
        bugs.increment();
        log.error("REST request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(ProblemType.INTERNAL, "internal error; the server log has the details", request));
    }

    /** Unreadable JSON: names the field Jackson stopped at, when it got that far. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        String detail = "the request body is not valid JSON for this endpoint";
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException json) {
            field = fieldPath(json);
            detail = json.getOriginalMessage();
        }
        return problem(new ApiException(ProblemType.INVALID_REQUEST, detail, field), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return problem(ApiException.invalid(field, "'" + e.getValue() + "' is not a valid value"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ApiException.invalid(e.getParameterName(), "the parameter is required"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ApiException.invalid(e.getRequestPartName(), "the part is required"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(new ApiException(ProblemType.TOO_LARGE, "the upload is larger than allowed"), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "content type " + e.getContentType() + " is not supported here; use one of " + e.getSupportedMediaTypes()),
                request);
    }

    /** Problems Spring builds itself (404 of an unknown path, 405...) get our type URIs where one fits. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring 7 leaves the type null for about:blank (RFC 9457 §3.1.1: an absent type means about:blank)
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            ProblemType.of(problem.getStatus()).ifPresent(t -> {
                problem.setType(t.type());
                problem.setTitle(t.title());
            });
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> problem(ApiException e, WebRequest request) {
        HttpServletRequest servlet = ((org.springframework.web.context.request.ServletWebRequest) request).getRequest();
        return ResponseEntity.status(e.type().status()).body(Problems.of(e, servlet));
    }
}
