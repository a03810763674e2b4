package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.reply.SmtpReply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SmtpCommand;
import org.courriel.mta.smtp.syntax.HeloArgument;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

/**
 * RFC 5321 §4.1.1.1 EHLO: identifies the client and lists the service extensions that apply to this
 * connection now (RFC 5321 §4.1.4 resets the transaction).
 */
public final class EhloCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "EHLO";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.allOf(SessionState.class);
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException, SmtpSyntaxException {
        String name = HeloArgument.parse(verb(), arguments);
        Reply refused = session.context().intake().checkHelo(session, name); // a name that is ours (docs/spam.md)
        if (refused != null) {
            session.reply(refused);
            return;
        }
        session.greeted(name, true);
        session.reply(SmtpReply.of(Reply.HELLO, capabilities(session, name)));
    }

    static List<String> capabilities(CommandSession session, String name) {
        List<String> lines = new ArrayList<>();
        lines.add(session.context().hostname() + " Hello " + name);
        lines.add("PIPELINING");                                                    // RFC 2920
        lines.add("SIZE " + session.context().properties().maxMessageSize().toBytes()); // RFC 1870
        lines.add("8BITMIME");                                                      // RFC 6152
        lines.add("SMTPUTF8");                                                      // RFC 6531
        lines.add("ENHANCEDSTATUSCODES");                                           // RFC 2034
        if (session.channel().canStartTls()) {
            lines.add("STARTTLS");                                                  // RFC 3207 §4.2: not after TLS
        }
        if (session.authOffered()) {
            lines.add(session.context().authenticator().offersScram()               // RFC 4954, RFC 4616,
                    ? "AUTH SCRAM-SHA-256 PLAIN LOGIN" : "AUTH PLAIN LOGIN");        // RFC 7677
        }
        if (session.channel().isSecure()) {
            lines.add("REQUIRETLS");                                                // RFC 8689 §4.1: over TLS only
        }
        lines.add("CHUNKING");                                                      // RFC 3030
        lines.add("DSN");                                                           // RFC 3461
        return lines;
    }
}
