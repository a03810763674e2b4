package org.courriel.pop3.session;

import java.io.IOException;
import java.util.Set;

import org.courriel.pop3.protocol.Pop3Request;

/**
 * One POP3 command: its keyword, the states it is valid in and how many arguments it takes, then what it does. The
 * session checks the state and the number of arguments before {@link #run}; a command refuses by throwing
 * {@link Pop3Refusal} and writes its own +OK reply.
 */
public abstract class Pop3Command {

    private final String name;
    private final Set<Pop3State> states;
    private final int minArguments;
    private final int maxArguments;

    /**
     * @param name   the keyword, in upper case
     * @param states the states the command is valid in (RFC 1939 §3)
     */
    protected Pop3Command(String name, Set<Pop3State> states, int minArguments, int maxArguments) {
        this.name = name;
        this.states = Set.copyOf(states);
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    public final String name() {
        return name;
    }

    public final Set<Pop3State> states() {
        return states;
    }

    public final int minArguments() {
        return minArguments;
    }

    public final int maxArguments() {
        return maxArguments;
    }

    public abstract void run(Pop3Session session, Pop3Request request) throws IOException;
}
