package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Pop3Refusal;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/**
 * PASS (RFC 1939 §7), right after USER. The password is the rest of the line, spaces included. Whatever the
 * outcome, the next attempt starts with USER again.
 */
final class PassCommand extends Pop3Command {

    PassCommand() {
        super("PASS", Set.of(Pop3State.AUTHORIZATION), 1, Integer.MAX_VALUE);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        String user = session.pendingUser();
        session.pendingUser(null);
        if (user == null) {
            throw new Pop3Refusal("USER first");
        }
        if (!session.loginAllowed()) {
            throw new Pop3Refusal("Plaintext login is disabled without TLS: use STLS first");
        }
        session.login(user, request.rest());
        session.reply().ok("Logged in");
    }
}
