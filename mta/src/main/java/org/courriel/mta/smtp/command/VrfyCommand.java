package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SmtpCommand;

/**
 * RFC 5321 §3.5.3 and §7.3 VRFY: always 252, whether the user exists or not, so that it reveals nothing
 * (no user enumeration).
 */
public final class VrfyCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "VRFY";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.allOf(SessionState.class);
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException {
        if (arguments.isEmpty()) {
            session.reply(Reply.SYNTAX_ERROR.with("VRFY needs a user name or address"));
            return;
        }
        session.reply(Reply.CANNOT_VRFY);
    }
}
