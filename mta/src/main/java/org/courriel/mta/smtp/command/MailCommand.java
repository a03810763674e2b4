package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SmtpCommand;
import org.courriel.mta.smtp.session.Transaction;
import org.courriel.mta.smtp.syntax.MailParameters;
import org.courriel.mta.smtp.syntax.MailRequest;
import org.courriel.mta.smtp.syntax.Path;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

/**
 * RFC 5321 §4.1.1.2 MAIL FROM: starts a transaction; {@link MailParameters} parses the path and parameters.
 * On submission the client must have TLS and AUTH first and own the sender address (RFC 6409 §4.3, §6.1).
 */
public final class MailCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "MAIL";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.of(SessionState.READY);
    }

    @Override
    public String sequenceHint(SessionState state) {
        return state == SessionState.CONNECTED ? "Send HELO or EHLO first" : "Nested MAIL command";
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException, SmtpSyntaxException {
        if (session.needsTlsFirst()) {
            session.reply(Reply.TLS_REQUIRED);
            return;
        }
        if (session.context().kind().isSubmission() && !session.isAuthenticated()) {
            session.reply(Reply.AUTH_REQUIRED); // RFC 6409 §4.3, RFC 4954 §6
            return;
        }
        MailRequest mail = MailParameters.parse(arguments, session.channel().isSecure());
        Path path = mail.path();
        if (!path.isAscii() && !mail.smtpUtf8()) {
            session.reply(Reply.NON_ASCII_ADDRESS); // RFC 6531 §3.4
            return;
        }
        long max = session.context().properties().maxMessageSize().toBytes();
        if (mail.size() > max) {
            session.reply(Reply.MESSAGE_TOO_BIG); // RFC 1870 §6.1
            return;
        }
        if (session.context().kind().isSubmission()
                && (path.isNull() || !session.context().ownership().test(session.accountId(), path.mailbox()))) {
            session.reply(Reply.SENDER_NOT_OWNED); // RFC 6409 §6.1
            return;
        }
        Reply domain = session.context().intake().checkSenderDomain(session, path.domain()); // RFC 5321 §5.1
        if (domain != null) {
            session.reply(domain);
            return;
        }
        session.begin(new Transaction(path.mailbox(), mail.size(), mail.ret(), mail.envId(), mail.smtpUtf8(),
                mail.eightBit(), mail.requireTls()));
        try {
            session.context().intake().checkSender(session); // SPF at MAIL (RFC 7208 §2.4)
            session.context().intake().checkClient(session); // DNS blocklists (RFC 5782), answered at RCPT
        } catch (RuntimeException e) {
            session.resetTransaction(); // the dispatcher answers 451; the client's next MAIL starts afresh
            throw e;
        }
        session.reply(Reply.SENDER_OK);
    }
}
