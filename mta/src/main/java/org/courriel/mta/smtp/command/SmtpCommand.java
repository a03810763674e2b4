package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.SmtpSession;

/**
 * One SMTP command. The session checks {@link #validIn()} before {@link #execute}; a command replies
 * exactly once per invocation (AUTH's 334 challenges aside).
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

    void execute(SmtpSession session, String arguments) throws IOException;
}
