package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.smtp.policy.RecipientDecision;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.SmtpCommand;
import org.courriel.mta.smtp.session.SmtpMetrics;
import org.courriel.mta.smtp.session.Transaction;
import org.courriel.mta.smtp.syntax.Path;
import org.courriel.mta.smtp.syntax.RcptParameters;
import org.courriel.mta.smtp.syntax.RcptRequest;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

/**
 * RFC 5321 §4.1.1.3 RCPT TO: adds a recipient if the policy accepts it; {@link RcptParameters} parses the path
 * and NOTIFY and ORCPT (RFC 3461 §4.1, §4.2), kept with the recipient for the queue's status notifications.
 */
public final class RcptCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "RCPT";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.of(SessionState.MAIL, SessionState.RCPT);
    }

    @Override
    public String sequenceHint(SessionState state) {
        return "Need MAIL before RCPT";
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException, SmtpSyntaxException {
        Transaction tx = session.transaction();
        var metrics = session.context().metrics();
        RcptRequest rcpt = RcptParameters.parse(arguments);
        Path path = rcpt.path();
        if (!path.isAscii() && !tx.smtpUtf8()) {
            metrics.recipientRejected("syntax");
            session.reply(Reply.NON_ASCII_ADDRESS); // RFC 6531 §3.4
            return;
        }
        if (tx.recipients().size() >= session.context().properties().maxRecipients()) {
            metrics.recipientRejected("too-many");
            session.reply(Reply.TOO_MANY_RECIPIENTS); // RFC 5321 §4.5.3.1.10
            return;
        }
        if (tx.blocklisted() != null && !isPostmaster(path.mailbox())) {
            // RFC 5782 §2; postmaster stays reachable (RFC 5321 §4.5.1) so a listed sender can ask why
            metrics.recipientRejected("blocklist");
            session.reply(Reply.CLIENT_BLOCKLISTED.with("Client [" + session.channel().remoteAddress().getHostAddress()
                    + "] listed by " + tx.blocklisted().zone()
                    + (tx.blocklisted().text().isEmpty() ? "" : ": " + printable(tx.blocklisted().text()))));
            return;
        }
        boolean mayRelay = session.context().kind().isSubmission() && session.isAuthenticated();
        RecipientDecision decision = session.context().recipients()
                .check(path, mayRelay, tx.reversePath().isEmpty(), tx.declaredSize(), session.context().hostname());
        switch (decision) {
            case RecipientDecision.Accept accept -> {
                tx.addRecipient(new EnvelopeRecipient(accept.address(), rcpt.notifications(), rcpt.orcpt()), accept.leavesServer());
                session.recipientAdded();
                metrics.recipientAccepted();
                session.reply(Reply.RECIPIENT_OK);
            }
            case RecipientDecision.Refuse refuse -> {
                metrics.recipientRejected(refuse.metricReason());
                session.reply(refuse.reply());
            }
        }
    }

    @Override
    public void syntaxRefused(SmtpMetrics metrics) {
        metrics.recipientRejected("syntax");
    }

    private static boolean isPostmaster(String mailbox) {
        return mailbox.equalsIgnoreCase("postmaster") || mailbox.regionMatches(true, 0, "postmaster@", 0, 11);
    }

    /** A blocklist's TXT text in a reply line: printable ASCII, bounded (RFC 5321 §4.5.3.1.5). */
    private static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
