package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.smtp.body.DotTerminatedReader;
import org.courriel.mta.smtp.body.MessageBody;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SmtpCommand;
import org.courriel.mta.smtp.syntax.NoArguments;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

/**
 * RFC 5321 §4.1.1.4 DATA: 354, then the content up to CRLF.CRLF (see {@link DotTerminatedReader}), then
 * the reply about the whole message, sent only once every copy is stored.
 */
public final class DataCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "DATA";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.of(SessionState.MAIL, SessionState.RCPT);
    }

    @Override
    public String sequenceHint(SessionState state) {
        return "Need MAIL and RCPT before DATA";
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException, SmtpSyntaxException {
        NoArguments.require(verb(), arguments);
        if (session.transaction().chunks() != null) {
            session.reply(Reply.BAD_SEQUENCE.with("DATA cannot follow BDAT")); // RFC 3030 §3
            return;
        }
        if (session.state() != SessionState.RCPT) {
            session.reply(Reply.NO_VALID_RECIPIENTS); // RFC 2920 §3.1
            return;
        }
        session.reply(Reply.START_MAIL_INPUT);
        session.flush();
        session.channel().setReadTimeout(session.context().properties().dataTimeout());
        // RFC 5321 §4.5.3.2.5 bounds each block; the minimum rate bounds the whole content (421 4.4.2 below it)
        session.channel().readDeadline(session.context().properties().dataTimeout(),
                session.context().properties().minDataRate().toBytes(), false);
        MessageBody body = DotTerminatedReader.read(session.channel().in(),
                session.context().properties().maxMessageSize().toBytes(),
                session.transaction().contentLease(session.context().contentBudget()));
        session.channel().clearReadDeadline(); // storing the message is not under it
        session.finishMessage(body);
    }
}
