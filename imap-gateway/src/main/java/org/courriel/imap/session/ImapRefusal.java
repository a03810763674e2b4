package org.courriel.imap.session;

import org.courriel.imap.protocol.ResponseCode;

/** An expected refusal found deep in a command: answered with a tagged NO and its code. */
public class ImapRefusal extends RuntimeException {

    private final ResponseCode code;

    public ImapRefusal(ResponseCode code, String message) {
        super(message);
        this.code = code;
    }

    public ResponseCode code() {
        return code;
    }
}
