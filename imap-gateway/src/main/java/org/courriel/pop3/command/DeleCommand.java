package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Maildrop;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/** DELE (RFC 1939 §5): marks the message; the store changes only at QUIT (RFC 1939 §6), a second DELE of it is refused. */
final class DeleCommand extends Pop3Command {

    DeleCommand() {
        super("DELE", Set.of(Pop3State.TRANSACTION), 1, 1);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        Maildrop maildrop = session.maildrop();
        Maildrop.Entry entry = maildrop.message(request.arguments().getFirst());
        maildrop.delete(entry);
        session.reply().ok("Message " + entry.number() + " deleted");
    }
}
