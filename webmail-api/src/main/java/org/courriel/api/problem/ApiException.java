package org.courriel.api.problem;

/**
 * An expected refusal raised by the API itself (not by the store): answered as the problem of its
 * {@link ProblemType}, naming the request field at fault when there is one.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final String field;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ApiException(ProblemType type, String detail, String field) {
        super(detail);
        this.type = type;
        this.field = field;
    }

    public ProblemType type() {
        return type;
    }

    /** The parameter or JSON field at fault (e.g. {@code to[1]}), or null. */
    public String field() {
        return field;
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(ProblemType.INVALID_REQUEST, detail, field);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }
}
