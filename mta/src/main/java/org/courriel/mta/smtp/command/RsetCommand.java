package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SmtpCommand;
import org.courriel.mta.smtp.syntax.NoArguments;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

/** RFC 5321 §4.1.1.5 RSET: aborts the transaction (BDAT chunks included, RFC 3030 §3); HELO/EHLO stay. */
public final class RsetCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "RSET";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.allOf(SessionState.class);
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException, SmtpSyntaxException {
        NoArguments.require(verb(), arguments);
        session.resetTransaction();
        session.reply(Reply.RESET);
    }
}
