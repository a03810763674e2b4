package org.courriel.mta.smtp.syntax;

import java.util.Map;

import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.smtp.reply.Reply;

/**
 * Parses the arguments of MAIL (RFC 5321 §4.1.1.2): {@code FROM:<path>} and the parameters SIZE (RFC 1870 §6),
 * BODY (RFC 6152), SMTPUTF8 (RFC 6531 §3.4), RET and ENVID (RFC 3461 §4.3, §4.4), REQUIRETLS (RFC 8689 §4.1,
 * over TLS only) and AUTH (RFC 4954 §5, accepted and ignored). Pure: text in, a {@link MailRequest} out.
 */
public final class MailParameters {

    /** RFC 3461 §4.4: ENVID is at most 100 characters. */
    public static final int MAX_ENVID = 100;

    private MailParameters() {
    }

    /** The arguments of MAIL on a session without TLS. */
    public static MailRequest parse(String arguments) throws SmtpSyntaxException {
        return parse(arguments, false);
    }

    /** @param overTls the session is TLS-protected (STARTTLS done or implicit TLS), as REQUIRETLS needs */
    public static MailRequest parse(String arguments, boolean overTls) throws SmtpSyntaxException {
        PathParser.Parsed parsed = PathParser.parse(arguments, "FROM", Reply.BAD_SENDER_SYNTAX);
        long size = 0;
        boolean smtpUtf8 = false;
        boolean eightBit = false;
        MailEnvelope.Ret ret = null;
        String envId = null;
        boolean requireTls = false;
        for (Map.Entry<String, String> p : EsmtpParameters.parse(parsed.parameters()).entrySet()) {
            String value = p.getValue();
            switch (p.getKey()) {
                case "SIZE" -> {
                    if (!value.matches("[0-9]{1,18}")) {
                        throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "SIZE needs a number");
                    }
                    size = Long.parseLong(value);
                }
                case "BODY" -> eightBit = switch (EsmtpParameters.upper(value)) {
                    case "7BIT" -> false;
                    case "8BITMIME" -> true;
                    case "BINARYMIME" -> throw new SmtpSyntaxException(Reply.PARAMETER_UNSUPPORTED,
                            "BINARYMIME is not supported");
                    default -> throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "unknown BODY " + value);
                };
                case "SMTPUTF8" -> {
                    if (!value.isEmpty()) {
                        throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "SMTPUTF8 takes no value");
                    }
                    smtpUtf8 = true;
                }
                case "RET" -> ret = switch (EsmtpParameters.upper(value)) {
                    case "FULL" -> MailEnvelope.Ret.FULL;
                    case "HDRS" -> MailEnvelope.Ret.HDRS;
                    default -> throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "RET is FULL or HDRS");
                };
                case "ENVID" -> {
                    if (value.length() > MAX_ENVID || !EsmtpParameters.isXtext(value)) {
                        throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "ENVID must be xtext of at most 100 characters");
                    }
                    envId = value;
                }
                case "REQUIRETLS" -> {
                    if (!value.isEmpty()) {
                        throw new SmtpSyntaxException(Reply.SYNTAX_ERROR, "REQUIRETLS takes no value");
                    }
                    if (!overTls) {
                        // RFC 8689 §4.1: REQUIRETLS is not taken on a session that is not TLS-protected
                        throw SmtpSyntaxException.saying(Reply.REQUIRETLS_NEEDS_TLS, Reply.REQUIRETLS_NEEDS_TLS.text());
                    }
                    requireTls = true;
                }
                case "AUTH" -> {
                    // RFC 4954 §5: the original submitter; trusted from nobody here, so ignored.
                }
                default -> throw new SmtpSyntaxException(Reply.PARAMETER_UNRECOGNIZED, p.getKey());
            }
        }
        return new MailRequest(parsed.path(), size, smtpUtf8, eightBit, ret, envId, requireTls);
    }
}
