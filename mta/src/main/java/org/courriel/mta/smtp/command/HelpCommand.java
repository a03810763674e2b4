package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SmtpCommand;

/** RFC 5321 §4.1.1.8 HELP: a short list of the commands. */
public final class HelpCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "HELP";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.allOf(SessionState.class);
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException {
        session.reply(Reply.HELP);
    }
}
