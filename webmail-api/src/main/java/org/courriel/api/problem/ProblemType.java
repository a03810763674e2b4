package org.courriel.api.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The kinds of refusal the API answers with, as RFC 9457 problem types: one status, one type URI and one
 * title each, so that the same situation always reads the same to a client.
 */
public enum ProblemType {
    /** A parameter or a field of the body is missing or not acceptable; {@code field} names it. */
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid"),
    /** No credentials, or credentials that do not match an enabled account. */
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required"),
    /** Authenticated, but the account may not do this (admin endpoints, a From address not its own). */
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this account"),
    /** The mailbox, message, part, domain, account or alias does not exist for this account. */
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    /** A mailbox, domain, account or alias of that name exists already. */
    ALREADY_EXISTS(HttpStatus.CONFLICT, "already-exists", "Exists already"),
    /** The change conflicts with the object's state (INBOX, a mailbox with children, a flag changed since). */
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflicts with the current state"),
    /** The path exists, but not with this method; the Allow header lists those it has (RFC 9110 §15.5.6). */
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    /** The request or the message to send is larger than the configured limit. */
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Larger than allowed"),
    /** The message to send was refused by the spam filter (rspamd's reject); sending it again will not help. */
    SPAM_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "spam-rejected", "Refused as spam"),
    /** The request's media type is not one the endpoint reads. */
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Media type not supported"),
    /** Too many requests from this account; Retry-After says when to try again. */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    /** The account's quota (RFC 9208) would be exceeded. */
    OVER_QUOTA(HttpStatus.INSUFFICIENT_STORAGE, "over-quota", "Over quota"),
    /** The server's disk is too full for new mail for now; nothing was changed. */
    STORAGE_FULL(HttpStatus.INSUFFICIENT_STORAGE, "storage-full", "Server storage full"),
    /** The store cannot be reached for now; nothing was changed. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable"),
    /** A bug: logged with its stack trace on the server. */
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

    private static final String BASE = "urn:courriel:problem:";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The type of a status, if one of ours has it (the first, for statuses several share). */
    public static java.util.Optional<ProblemType> of(int status) {
        for (ProblemType t : values()) {
            if (t.status.value() == status) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
