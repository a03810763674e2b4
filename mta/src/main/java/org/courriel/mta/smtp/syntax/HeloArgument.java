package org.courriel.mta.smtp.syntax;

import org.courriel.mta.smtp.reply.Reply;

/**
 * The argument of HELO and EHLO (RFC 5321 §4.1.1.1): the client's domain or address literal. Anything after
 * it is ignored, as many clients send more; nothing at all is a syntax error.
 */
public final class HeloArgument {

    private HeloArgument() {
    }

    /** @param verb HELO or EHLO, for the reply's text */
    public static String parse(String verb, String arguments) throws SmtpSyntaxException {
        String name = arguments.strip();
        if (name.isEmpty()) {
            throw SmtpSyntaxException.saying(Reply.SYNTAX_ERROR, verb + " needs the client's domain");
        }
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
