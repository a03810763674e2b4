package org.courriel.mta.smtp.session;

import java.io.IOException;
import java.util.Set;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.syntax.SmtpSyntaxException;

/**
 * One SMTP command. The dispatcher checks {@link #validIn()} before {@link #execute}; a command replies
 * exactly once per invocation (AUTH's 334 challenges aside), or throws {@link SmtpSyntaxException} for the
 * dispatcher to answer. Commands see their session through {@link CommandSession} only.
 */
public interface SmtpCommand {

    /** The verb, upper case. */
    String verb();

    /** The states in which the command may be given; in any other the session replies 503 5.5.1. */
    Set<SessionState> validIn();

    /** The text of the 503 reply when the command comes out of sequence in {@code state}. */
    default String sequenceHint(SessionState state) {
        return Reply.BAD_SEQUENCE.text();
    }

    /** Counts a refusal for bad syntax where the command keeps a metric of its own (RCPT's rejected recipients). */
    default void syntaxRefused(SmtpMetrics metrics) {
    }

    void execute(CommandSession session, String arguments) throws IOException, SmtpSyntaxException;
}
