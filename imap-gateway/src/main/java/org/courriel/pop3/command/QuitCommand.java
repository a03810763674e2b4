package org.courriel.pop3.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/**
 * QUIT (RFC 1939 §4, §6): ends the session, through the UPDATE state from TRANSACTION. When the removal fails the
 * reply is -ERR and the connection closes all the same; the messages stay.
 */
final class QuitCommand extends Pop3Command {

    QuitCommand() {
        super("QUIT", EnumSet.allOf(Pop3State.class), 0, 0);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        boolean update = session.state() == Pop3State.TRANSACTION;
        int removed = session.quit();
        session.reply().ok(update ? "Courriel POP3 signing off (" + removed + " messages deleted)"
                : "Courriel POP3 signing off");
    }
}
