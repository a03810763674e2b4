package org.courriel.mta.smtp.syntax;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.smtp.reply.Reply;

/**
 * Parses the arguments of RCPT (RFC 5321 §4.1.1.3): {@code TO:<path>} and the parameters NOTIFY and ORCPT
 * (RFC 3461 §4.1, §4.2). Pure: text in, a {@link RcptRequest} out.
 */
public final class RcptParameters {

    /** RFC 3461 §4.2: ORCPT's address is at most 500 characters. */
    public static final int MAX_ORCPT = 500;

    private RcptParameters() {
    }

    public static RcptRequest parse(String arguments) throws SmtpSyntaxException {
        PathParser.Parsed parsed = PathParser.parse(arguments, "TO", Reply.BAD_RECIPIENT_SYNTAX);
        Set<EnvelopeRecipient.Notify> notify = EnumSet.noneOf(EnvelopeRecipient.Notify.class);
        String orcpt = null;
        for (Map.Entry<String, String> p : EsmtpParameters.parse(parsed.parameters()).entrySet()) {
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
        return new RcptRequest(parsed.path(), notify, orcpt);
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
