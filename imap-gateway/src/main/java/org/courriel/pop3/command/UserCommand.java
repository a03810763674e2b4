package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Pop3Refusal;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/**
 * USER (RFC 1939 §7). Accepted for any name, so that the reply tells nobody which accounts exist; PASS decides.
 */
final class UserCommand extends Pop3Command {

    UserCommand() {
        super("USER", Set.of(Pop3State.AUTHORIZATION), 1, 1);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        if (!session.loginAllowed()) {
            throw new Pop3Refusal("Plaintext login is disabled without TLS: use STLS first"); // RFC 2595 §2.2
        }
        session.pendingUser(request.arguments().getFirst());
        session.reply().ok("Send PASS");
    }
}
