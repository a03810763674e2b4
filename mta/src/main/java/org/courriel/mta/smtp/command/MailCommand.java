package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.SmtpSession;
import org.courriel.mta.smtp.session.Transaction;
import org.courriel.mta.smtp.syntax.EsmtpParameters;
import org.courriel.mta.smtp.syntax.Path;
import org.courriel.mta.smtp.syntax.PathParser;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

/**
 * RFC 5321 §4.1.1.2 MAIL FROM: starts a transaction. Parameters: SIZE (RFC 1870 §6), BODY (RFC 6152),
 * SMTPUTF8 (RFC 6531 §3.4), RET and ENVID (RFC 3461 §4.3, §4.4), AUTH (RFC 4954 §5, accepted and ignored).
 */
public final class MailCommand implements SmtpCommand {

    /** RFC 3461 §4.4: ENVID is at most 100 characters. */
    static final int MAX_ENVID = 100;

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
    public void execute(SmtpSession session, String arguments) throws IOException {
        if (session.needsTlsFirst()) {
            session.reply(Reply.TLS_REQUIRED);
            return;
        }
        if (session.context().kind().isSubmission() && !session.isAuthenticated()) {
            session.reply(Reply.AUTH_REQUIRED); // RFC 6409 §4.3, RFC 4954 §6
            return;
        }
        try {
            PathParser.Parsed parsed = PathParser.parse(arguments, "FROM", Reply.BAD_SENDER_SYNTAX);
            Path path = parsed.path();
            Map<String, String> params = EsmtpParameters.parse(parsed.parameters());
            long size = 0;
            boolean smtpUtf8 = false;
            boolean eightBit = false;
            MailEnvelope.Ret ret = null;
            String envId = null;
            for (Map.Entry<String, String> p : params.entrySet()) {
                String value = p.getValue();
                switch (p.getKey()) {
                    case "SIZE" -> {
                        if (!value.matches("[0-9]{1,18}")) {
                            throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "SIZE needs a number");
                        }
                        size = Long.parseLong(value);
                    }
                    case "BODY" -> {
                        switch (EsmtpParameters.upper(value)) {
                            case "7BIT" -> eightBit = false;
                            case "8BITMIME" -> eightBit = true;
                            case "BINARYMIME" -> throw new SmtpSyntaxException(Reply.PARAMETER_UNSUPPORTED,
                                    "BINARYMIME is not supported");
                            default -> throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "unknown BODY " + value);
                        }
                    }
                    case "SMTPUTF8" -> {
                        if (!value.isEmpty()) {
                            throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "SMTPUTF8 takes no value");
                        }
                        smtpUtf8 = true;
                    }
                    case "RET" -> {
                        switch (EsmtpParameters.upper(value)) {
                            case "FULL" -> ret = MailEnvelope.Ret.FULL;
                            case "HDRS" -> ret = MailEnvelope.Ret.HDRS;
                            default -> throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "RET is FULL or HDRS");
                        }
                    }
                    case "ENVID" -> {
                        if (value.length() > MAX_ENVID || !EsmtpParameters.isXtext(value)) {
                            throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "ENVID must be xtext of at most 100 characters");
                        }
                        envId = value;
                    }
                    case "AUTH" -> {
                        // RFC 4954 §5: the original submitter; trusted from nobody here, so ignored.
                    }
                    default -> throw new SmtpSyntaxException(Reply.PARAMETER_UNRECOGNIZED, p.getKey());
                }
            }
            if (!path.isAscii() && !smtpUtf8) {
                session.reply(Reply.NON_ASCII_ADDRESS); // RFC 6531 §3.4
                return;
            }
            long max = session.context().properties().maxMessageSize().toBytes();
            if (size > max) {
                session.reply(Reply.MESSAGE_TOO_BIG); // RFC 1870 §6.1
                return;
            }
            if (session.context().kind().isSubmission()
                    && (path.isNull() || !session.context().ownership().test(session.accountId(), path.mailbox()))) {
                session.reply(Reply.SENDER_NOT_OWNED); // RFC 6409 §6.1
                return;
            }
            session.begin(new Transaction(path.mailbox(), size, ret, envId, smtpUtf8, eightBit));
            session.context().intake().checkSender(session); // SPF at MAIL (RFC 7208 §2.4)
            session.reply(Reply.SENDER_OK);
        } catch (SmtpSyntaxException e) {
            session.reply(e.reply().with(e.reply().text() + ": " + e.getMessage()));
        }
    }
}
