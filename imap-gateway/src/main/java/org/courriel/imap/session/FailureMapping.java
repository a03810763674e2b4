package org.courriel.imap.session;

import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become replies (three kinds): a syntax error is BAD, an expected refusal
 * is NO with its response code (RFC 5530 codes in RFC 9051 §7.1), a bug is NO [SERVERBUG] plus an error
 * log; the session goes on in every case. An unavailable database is a refusal, not a bug:
 * {@code NO [UNAVAILABLE]} and one WARN line.
 */
final class FailureMapping {

    private static final Logger log = LoggerFactory.getLogger(FailureMapping.class);

    private FailureMapping() {
    }

    /**
     * A failure after the command's own work, while sending the untagged updates that precede its tagged reply:
     * logged like any other (a bug at ERROR, an unavailable database at WARN), and the command's completion
     * stands, since what it did is done; the session compares its view with the store at a later command.
     */
    static void afterCompletion(RuntimeException e, String command) {
        of(e, command);
    }

    static Completion of(RuntimeException e, String command) {
        if (e instanceof java.io.UncheckedIOException io) {
            // the client is gone: nothing to answer, the session ends
            throw io;
        }
        return switch (e) {
            case ImapSyntaxException s -> Completion.bad(s.getMessage());
            case ImapRefusal r -> Completion.no(r.code(), r.getMessage());
            case StoreException s -> Completion.no(code(s.reason()), s.getMessage());
            case RuntimeException u when DatabaseUnavailable.is(u) -> {
                log.warn("IMAP {}: the database is unavailable: {}", command, DatabaseUnavailable.describe(u));
                // RFC 5530 §3: UNAVAILABLE, a temporary failure of a subsystem the server needs
                yield Completion.no(ResponseCode.UNAVAILABLE, "The mail store is unavailable, try again later");
            }
            default -> {
                log.error("IMAP {} failed", command, e);
                yield Completion.no(ResponseCode.SERVERBUG, "Internal error; the incident was logged");
            }
        };
    }

    static ResponseCode code(StoreException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> ResponseCode.NONEXISTENT;
            case ALREADY_EXISTS -> ResponseCode.ALREADYEXISTS;
            // RFC 5530 §3 has no code for a full server disk; OVERQUOTA (as Dovecot answers) tells the client
            // that room is missing, not that the command was wrong
            case OVER_QUOTA, STORAGE_FULL -> ResponseCode.OVERQUOTA;
            case INVALID, NOT_ALLOWED -> ResponseCode.CANNOT;
            // RFC 5530 §3, RFC 4314 §6: a right is missing on a mailbox the user may see
            case NO_PERMISSION -> ResponseCode.NOPERM;
            case UNAVAILABLE -> ResponseCode.UNAVAILABLE;
        };
    }
}
