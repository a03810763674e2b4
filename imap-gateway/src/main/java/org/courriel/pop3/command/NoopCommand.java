package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/** NOOP (RFC 1939 §5). Renews the maildrop lock like every command. */
final class NoopCommand extends Pop3Command {

    NoopCommand() {
        super("NOOP", Set.of(Pop3State.TRANSACTION), 0, 0);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        session.reply().ok("");
    }
}
