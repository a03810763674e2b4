package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Maildrop;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/** UIDL (RFC 1939 §7): the unique-id of one message or of every message not marked deleted. */
final class UidlCommand extends Pop3Command {

    UidlCommand() {
        super("UIDL", Set.of(Pop3State.TRANSACTION), 0, 1);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        Maildrop maildrop = session.maildrop();
        if (request.arguments().size() == 1) {
            Maildrop.Entry entry = maildrop.message(request.arguments().getFirst());
            session.reply().ok(entry.number() + " " + maildrop.uniqueId(entry));
            return;
        }
        session.reply().ok("Unique-id listing follows");
        for (Maildrop.Entry entry : maildrop.present()) {
            session.reply().line(entry.number() + " " + maildrop.uniqueId(entry));
        }
        session.reply().end();
    }
}
