package org.courriel.mta.relay;

import java.io.IOException;

/**
 * A server would not start a session (a 4xx/5xx greeting, EHLO and HELO refused, STARTTLS required but not
 * offered, AUTH refused). The attempt moves on to the next server; if none is left, the recipients are
 * deferred with {@link #reply()}.
 */
public class RemoteRefusalException extends IOException {

    private final RemoteReply reply;

    public RemoteRefusalException(RemoteReply reply) {
        super(reply.toString());
        this.reply = reply;
    }

    public RemoteReply reply() {
        return reply;
    }
}
