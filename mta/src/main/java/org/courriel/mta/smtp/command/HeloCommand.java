package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.SmtpSession;

/** RFC 5321 §4.1.1.1 HELO: identifies the client; no extensions. Allowed at any point, it resets the transaction. */
public final class HeloCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "HELO";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.allOf(SessionState.class);
    }

    @Override
    public void execute(SmtpSession session, String arguments) throws IOException {
        String name = clientName(arguments);
        if (name == null) {
            session.reply(Reply.SYNTAX_ERROR.with("HELO needs the client's domain"));
            return;
        }
        session.greeted(name, false);
        session.reply(Reply.HELLO.with(session.context().hostname() + " Hello " + name));
    }

    /** The domain or address literal given, or null when there is none (RFC 5321 §4.1.1.1). */
    static String clientName(String arguments) {
        String name = arguments.strip();
        if (name.isEmpty()) {
            return null;
        }
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
