package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Maildrop;
import org.courriel.pop3.session.Pop3Refusal;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/** TOP (RFC 1939 §7): the header section, the empty line and the first n lines of the body. */
final class TopCommand extends Pop3Command {

    TopCommand() {
        super("TOP", Set.of(Pop3State.TRANSACTION), 2, 2);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        Maildrop maildrop = session.maildrop();
        Maildrop.Entry entry = maildrop.message(request.arguments().getFirst());
        long lines;
        try {
            lines = Long.parseLong(request.arguments().get(1));
        } catch (NumberFormatException e) {
            lines = -1;
        }
        if (lines < 0) {
            throw new Pop3Refusal("The number of lines must be a non-negative number");
        }
        byte[] content = maildrop.content(entry);
        session.reply().ok("Top of message follows");
        session.reply().message(content, lines);
    }
}
