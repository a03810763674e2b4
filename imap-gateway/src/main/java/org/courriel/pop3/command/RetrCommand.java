package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.MessageLines;
import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Maildrop;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/** RETR (RFC 1939 §5): the whole message, CRLF line ends and dot-stuffed. */
final class RetrCommand extends Pop3Command {

    RetrCommand() {
        super("RETR", Set.of(Pop3State.TRANSACTION), 1, 1);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        Maildrop maildrop = session.maildrop();
        Maildrop.Entry entry = maildrop.message(request.arguments().getFirst());
        byte[] content = maildrop.content(entry); // before +OK: a message removed meanwhile is a -ERR
        session.reply().ok(maildrop.octets(entry) + " octets");
        session.reply().message(content, MessageLines.ALL);
    }
}
