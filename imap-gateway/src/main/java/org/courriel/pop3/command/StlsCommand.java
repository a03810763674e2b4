package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Pop3Refusal;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/**
 * STLS (RFC 2595 §4): only before login, only once. Whatever the client sent after STLS before the handshake is
 * discarded with the old streams (command injection), and the session starts over in the AUTHORIZATION state.
 */
final class StlsCommand extends Pop3Command {

    StlsCommand() {
        super("STLS", Set.of(Pop3State.AUTHORIZATION), 0, 0);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        if (session.connection().isSecure()) {
            throw new Pop3Refusal("TLS is active already");
        }
        if (!session.connection().canStartTls()) {
            throw new Pop3Refusal("TLS is not available");
        }
        session.reply().ok("Begin TLS negotiation");
        session.reply().flush();
        try {
            session.connection().startTls();
        } catch (IOException e) {
            session.context().metrics().tlsHandshake("stls", false);
            throw e;
        }
        session.context().metrics().tlsHandshake("stls", true);
        session.tlsStarted();
    }
}
