package org.courriel.imap.session;

import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.ResponseCode.Code;
import org.courriel.imap.protocol.Status;

/**
 * The tagged status response that ends a command (RFC 9051 §7.1), and what must happen once it has been
 * sent (STARTTLS starts its handshake only after its OK went out).
 */
public record Completion(Status status, Code code, String text, Runnable afterReply) {

    public Completion(Status status, Code code, String text) {
        this(status, code, text, null);
    }

    public static Completion ok(String text) {
        return new Completion(Status.OK, null, text);
    }

    public static Completion ok(Code code, String text) {
        return new Completion(Status.OK, code, text);
    }

    public static Completion no(ResponseCode code, String text) {
        return new Completion(Status.NO, code == null ? null : code.bare(), text);
    }

    public static Completion no(Code code, String text) {
        return new Completion(Status.NO, code, text);
    }

    public static Completion bad(String text) {
        return new Completion(Status.BAD, null, text);
    }

    /**
     * No tagged reply: the client closed the connection while the command waited for it (IDLE, RFC 9051
     * §6.3.13). Not the client's fault, so counted as a normal end; the session then ends.
     */
    public static Completion connectionClosed() {
        return new Completion(Status.BYE, null, "connection closed by the client");
    }

    /** The same reply, followed by {@code action} once it is flushed. */
    public Completion then(Runnable action) {
        return new Completion(status, code, text, action);
    }
}
