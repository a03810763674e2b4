package org.courriel.mta.smtp.syntax;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.reply.SmtpReply;

/**
 * A command's arguments do not parse; carries the reply to send (a 501 or 555 kind). The session's dispatcher
 * catches it, sends {@link #toReply()} and, when {@link #closesSession()}, ends the session.
 */
public class SmtpSyntaxException extends Exception {

    private final Reply reply;
    private final String text;
    private final boolean closes;

    /** The reply's own text, a colon and {@code detail}: {@code 501 5.5.4 Syntax error ...: SIZE needs a number}. */
    public SmtpSyntaxException(Reply reply, String detail) {
        this(reply, detail, reply.text() + ": " + detail, false);
    }

    private SmtpSyntaxException(Reply reply, String detail, String text, boolean closes) {
        super(detail);
        this.reply = reply;
        this.text = text;
        this.closes = closes;
    }

    /** A syntax error whose reply says {@code text} alone. */
    public static SmtpSyntaxException saying(Reply reply, String text) {
        return new SmtpSyntaxException(reply, text, text, false);
    }

    /**
     * A syntax error after which the input cannot be read in step (a BDAT chunk of unknown length): the reply
     * says {@code text} and the session closes.
     */
    public static SmtpSyntaxException closing(Reply reply, String text) {
        return new SmtpSyntaxException(reply, text, text, true);
    }

    /** The kind of reply. */
    public Reply reply() {
        return reply;
    }

    /** The reply to send. */
    public SmtpReply toReply() {
        return reply.with(text);
    }

    public boolean closesSession() {
        return closes;
    }
}
