package org.courriel.pop3.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/**
 * CAPA (RFC 2449 §5). USER and SASL are listed only while a login is allowed (RFC 2595 §2.2), STLS only where
 * TLS can start; after STLS the client asks again (RFC 2595 §4).
 */
final class CapaCommand extends Pop3Command {

    CapaCommand() {
        super("CAPA", EnumSet.allOf(Pop3State.class), 0, 0);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        var reply = session.reply();
        reply.ok("Capability list follows");
        reply.line("TOP");
        reply.line("UIDL");
        reply.line("RESP-CODES");
        reply.line("AUTH-RESP-CODE");
        reply.line("PIPELINING");
        reply.line("EXPIRE NEVER"); // RFC 2449 §6.7: messages stay until the client deletes them
        reply.line("LOGIN-DELAY 0"); // RFC 2449 §6.5: no enforced pause between logins
        if (session.state() == Pop3State.AUTHORIZATION) {
            if (session.loginAllowed()) {
                reply.line("USER");
                reply.line("SASL PLAIN SCRAM-SHA-256");
            }
            if (session.connection().canStartTls()) {
                reply.line("STLS");
            }
        }
        reply.line("IMPLEMENTATION Courriel");
        reply.end();
    }
}
