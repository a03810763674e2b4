package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/**
 * One POP3 command. The session checks the state and the number of arguments before {@link #run}; a command
 * refuses by throwing {@link org.courriel.pop3.session.Pop3Refusal} and writes its own +OK reply.
 */
public interface Pop3Command {

    /** The keyword, in upper case. */
    String name();

    /** The states the command is valid in (RFC 1939 §3). */
    Set<Pop3State> states();

    default int minArguments() {
        return 0;
    }

    default int maxArguments() {
        return 0;
    }

    void run(Pop3Session session, Pop3Request request) throws IOException;
}
