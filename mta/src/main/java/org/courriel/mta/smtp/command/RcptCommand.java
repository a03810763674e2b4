package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.smtp.policy.RecipientDecision;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.SmtpSession;
import org.courriel.mta.smtp.session.Transaction;
import org.courriel.mta.smtp.syntax.EsmtpParameters;
import org.courriel.mta.smtp.syntax.Path;
import org.courriel.mta.smtp.syntax.PathParser;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

/**
 * RFC 5321 §4.1.1.3 RCPT TO: adds a recipient if the policy accepts it. Parameters: NOTIFY and ORCPT
 * (RFC 3461 §4.1, §4.2), kept with the recipient for the queue's delivery status notifications.
 */
public final class RcptCommand implements SmtpCommand {

    /** RFC 3461 §4.2: ORCPT's address is at most 500 characters. */
    static final int MAX_ORCPT = 500;

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
    public void execute(SmtpSession session, String arguments) throws IOException {
        Transaction tx = session.transaction();
        var metrics = session.context().metrics();
        try {
            PathParser.Parsed parsed = PathParser.parse(arguments, "TO", Reply.BAD_RECIPIENT_SYNTAX);
            Path path = parsed.path();
            Map<String, String> params = EsmtpParameters.parse(parsed.parameters());
            Set<EnvelopeRecipient.Notify> notify = EnumSet.noneOf(EnvelopeRecipient.Notify.class);
            String orcpt = null;
            for (Map.Entry<String, String> p : params.entrySet()) {
                switch (p.getKey()) {
                    case "NOTIFY" -> notify = notify(p.getValue());
                    case "ORCPT" -> {
                        int semi = p.getValue().indexOf(';');
                        if (semi <= 0 || p.getValue().length() > MAX_ORCPT
                                || !EsmtpParameters.isXtext(p.getValue().substring(semi + 1))) {
                            throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "ORCPT is addr-type;xtext");
                        }
                        orcpt = p.getValue();
                    }
                    default -> throw new SmtpSyntaxException(Reply.PARAMETER_UNRECOGNIZED, p.getKey());
                }
            }
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
            boolean mayRelay = session.context().kind().isSubmission() && session.isAuthenticated();
            RecipientDecision decision = session.context().recipients()
                    .check(path, mayRelay, tx.declaredSize(), session.context().hostname());
            switch (decision) {
                case RecipientDecision.Accept accept -> {
                    tx.addRecipient(new EnvelopeRecipient(accept.address(), notify, orcpt), accept.leavesServer());
                    session.recipientAdded();
                    metrics.recipientAccepted();
                    session.reply(Reply.RECIPIENT_OK);
                }
                case RecipientDecision.Refuse refuse -> {
                    metrics.recipientRejected(refuse.metricReason());
                    session.reply(refuse.reply());
                }
            }
        } catch (SmtpSyntaxException e) {
            metrics.recipientRejected("syntax");
            session.reply(e.reply().with(e.reply().text() + ": " + e.getMessage()));
        }
    }

    /** RFC 3461 §4.1: NEVER alone, or a comma list of SUCCESS, FAILURE, DELAY. */
    static Set<EnvelopeRecipient.Notify> notify(String value) throws SmtpSyntaxException {
        Set<EnvelopeRecipient.Notify> set = EnumSet.noneOf(EnvelopeRecipient.Notify.class);
        for (String item : EsmtpParameters.upper(value).split(",", -1)) {
            try {
                set.add(EnvelopeRecipient.Notify.valueOf(item));
            } catch (IllegalArgumentException e) {
                throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "NOTIFY value " + item);
            }
        }
        if (set.contains(EnvelopeRecipient.Notify.NEVER) && set.size() > 1) {
            throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "NOTIFY=NEVER stands alone");
        }
        return set;
    }
}
