package org.courriel.mta.smtp.syntax;

import org.courriel.mta.smtp.reply.Reply;

/** The commands that take no argument (DATA, RSET, STARTTLS: RFC 5321 §4.1.1.4, §4.1.1.5, RFC 3207 §4). */
public final class NoArguments {

    private NoArguments() {
    }

    public static void require(String verb, String arguments) throws SmtpSyntaxException {
        if (!arguments.isEmpty()) {
            throw SmtpSyntaxException.saying(Reply.SYNTAX_ERROR, verb + " takes no argument");
        }
    }
}
