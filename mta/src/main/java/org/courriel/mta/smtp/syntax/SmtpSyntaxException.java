package org.courriel.mta.smtp.syntax;

import org.courriel.mta.smtp.reply.Reply;

/** A command's arguments do not parse; carries the reply to send (a 501 or 555 kind). */
public class SmtpSyntaxException extends Exception {

    private final Reply reply;

    public SmtpSyntaxException(Reply reply, String message) {
        super(message);
        this.reply = reply;
    }

    public Reply reply() {
        return reply;
    }
}
