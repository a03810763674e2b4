package org.courriel.imap.session;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;

/**
 * One IMAP command: its name, the states it is valid in (checked once by the dispatcher), a pure parser of
 * its arguments into a request record, and the processor that runs the request in a session.
 *
 * @param <R> the parsed request
 */
public interface ImapCommand<R> {

    /** The command name as the client writes it, e.g. {@code FETCH} or {@code UID FETCH}. */
    String name();

    Set<SessionState> validIn();

    /** Parses the arguments after the command name (starting with the SP, if any); throws on bad syntax. */
    R parse(CommandParser args);

    /** Runs the command: writes untagged responses through the session and returns the tagged completion. */
    Completion process(R request, ImapSession session);

    /**
     * Whether untagged EXPUNGE may be sent when this command ends (RFC 9051 §7.5.1: not after FETCH, STORE
     * or SEARCH, unless they are UID commands).
     */
    default boolean allowsExpungeResponses() {
        return true;
    }
}
