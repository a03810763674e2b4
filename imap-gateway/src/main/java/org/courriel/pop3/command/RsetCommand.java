package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Maildrop;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/** RSET (RFC 1939 §5): unmarks every message DELE marked. */
final class RsetCommand extends Pop3Command {

    RsetCommand() {
        super("RSET", Set.of(Pop3State.TRANSACTION), 0, 0);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        Maildrop maildrop = session.maildrop();
        maildrop.reset();
        session.reply().ok("Maildrop has " + maildrop.present().size() + " messages");
    }
}
