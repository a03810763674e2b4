package org.courriel.pop3.session;

import org.courriel.pop3.protocol.ResponseCode;

/** An expected refusal of a command: answered {@code -ERR [code] text}; the session goes on. */
public final class Pop3Refusal extends RuntimeException {

    private final transient ResponseCode code;

    public Pop3Refusal(ResponseCode code, String text) {
        super(text, null, false, false);
        this.code = code;
    }

    public Pop3Refusal(String text) {
        this(null, text);
    }

    /** The response code, or null for none. */
    public ResponseCode code() {
        return code;
    }
}
