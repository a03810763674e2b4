package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Maildrop;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/** STAT (RFC 1939 §5): the number of messages not marked deleted and their size in octets. */
final class StatCommand extends Pop3Command {

    StatCommand() {
        super("STAT", Set.of(Pop3State.TRANSACTION), 0, 0);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        Maildrop maildrop = session.maildrop();
        long octets = 0;
        for (Maildrop.Entry entry : maildrop.present()) {
            octets += maildrop.octets(entry);
        }
        session.reply().ok(maildrop.present().size() + " " + octets);
    }
}
