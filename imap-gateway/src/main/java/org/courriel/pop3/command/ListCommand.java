package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Maildrop;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/** LIST (RFC 1939 §5): the size of one message, or a scan listing of every message not marked deleted. */
final class ListCommand extends Pop3Command {

    ListCommand() {
        super("LIST", Set.of(Pop3State.TRANSACTION), 0, 1);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        Maildrop maildrop = session.maildrop();
        if (request.arguments().size() == 1) {
            Maildrop.Entry entry = maildrop.message(request.arguments().getFirst());
            session.reply().ok(entry.number() + " " + maildrop.octets(entry));
            return;
        }
        var present = maildrop.present();
        long[] sizes = new long[present.size()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++) { // every size first: a failure is then a -ERR, not a cut listing
            sizes[i] = maildrop.octets(present.get(i));
            total += sizes[i];
        }
        session.reply().ok(present.size() + " messages (" + total + " octets)");
        for (int i = 0; i < sizes.length; i++) {
            session.reply().line(present.get(i).number() + " " + sizes[i]);
        }
        session.reply().end();
    }
}
