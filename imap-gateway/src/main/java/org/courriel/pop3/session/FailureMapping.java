package org.courriel.pop3.session;

import java.io.IOException;

import org.courriel.pop3.protocol.Pop3SyntaxException;
import org.courriel.pop3.protocol.ReplyWriter;
import org.courriel.pop3.protocol.ResponseCode;
import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a command's failure becomes its reply: a syntax error or an expected refusal is
 * {@code -ERR} with its text; the store temporarily unavailable is {@code -ERR [SYS/TEMP]} logged at WARN; a
 * bug is {@code -ERR [SYS/TEMP]} with an ERROR log and its stack trace. The session goes on in every case.
 */
final class FailureMapping {

    private static final Logger log = LoggerFactory.getLogger(FailureMapping.class);

    private FailureMapping() {
    }

    static void answer(RuntimeException failure, String command, ReplyWriter reply) throws IOException {
        switch (failure) {
            case Pop3Refusal r -> reply.err(r.code(), r.getMessage());
            case Pop3SyntaxException s -> reply.err(null, s.getMessage());
            case StoreException s when s.reason() == StoreException.Reason.NOT_FOUND ->
                    reply.err(null, "No such message: another client removed it");
            case StoreException s when s.reason() == StoreException.Reason.UNAVAILABLE
                    || s.reason() == StoreException.Reason.STORAGE_FULL -> unavailable(command, s, reply);
            default -> {
                if (DatabaseUnavailable.is(failure)) {
                    unavailable(command, failure, reply);
                } else {
                    log.error("POP3 {} failed", command, failure);
                    // RFC 3206 §5: a failure of the server, which may pass
                    reply.err(ResponseCode.SYS_TEMP, "Internal server error; try again later");
                }
            }
        }
    }

    private static void unavailable(String command, RuntimeException failure, ReplyWriter reply) throws IOException {
        log.warn("POP3 {} failed, the store is unavailable: {}", command, failure.toString());
        reply.err(ResponseCode.SYS_TEMP, "Mail store temporarily unavailable; try again later");
    }
}
