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

/**
 * RFC 3207 STARTTLS: 220, then the TLS handshake. Anything the client pipelined after the command is
 * discarded with the old buffers (§4.2, the command injection attack), and the session starts over: the
 * client must EHLO again and nothing learnt before counts.
 */
public final class StartTlsCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "STARTTLS";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.of(SessionState.CONNECTED, SessionState.READY);
    }

    @Override
    public String sequenceHint(SessionState state) {
        return "STARTTLS is not allowed during a mail transaction";
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException, SmtpSyntaxException {
        NoArguments.require(verb(), arguments);
        if (session.channel().isSecure()) {
            session.reply(Reply.BAD_SEQUENCE.with("TLS is already active"));
            return;
        }
        if (!session.channel().canStartTls()) {
            session.reply(Reply.TLS_NOT_AVAILABLE);
            return;
        }
        session.reply(Reply.READY_FOR_TLS);
        session.flush();
        try {
            session.channel().startTls();
        } catch (IOException e) {
            session.context().metrics().tlsHandshake("failure");
            throw e;
        }
        session.context().metrics().tlsHandshake("success");
        session.restartAfterTls();
    }
}
