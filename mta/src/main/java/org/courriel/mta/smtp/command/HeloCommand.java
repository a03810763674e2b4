package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SmtpCommand;
import org.courriel.mta.smtp.syntax.HeloArgument;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

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
    public void execute(CommandSession session, String arguments) throws IOException, SmtpSyntaxException {
        String name = HeloArgument.parse(verb(), arguments);
        Reply refused = session.context().intake().checkHelo(session, name); // a name that is ours (docs/spam.md)
        if (refused != null) {
            session.reply(refused);
            return;
        }
        session.greeted(name, false);
        session.reply(Reply.HELLO.with(session.context().hostname() + " Hello " + name));
    }
}
