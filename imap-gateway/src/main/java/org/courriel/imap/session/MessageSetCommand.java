package org.courriel.imap.session;

import java.util.Set;

/**
 * A command on messages of the selected mailbox that comes in a sequence-number form and a UID form
 * (FETCH, STORE, SEARCH and their UID variants).
 * <p>
 * RFC 9051 §7.5.1: the server must not send EXPUNGE responses while a FETCH, STORE or SEARCH by sequence
 * numbers is in progress, since they would shift the numbers the client is using; the UID forms allow them.
 */
public abstract class MessageSetCommand<R> implements ImapCommand<R> {

    private final String verb;
    protected final boolean byUid;

    protected MessageSetCommand(String verb, boolean byUid) {
        this.verb = verb;
        this.byUid = byUid;
    }

    @Override
    public final String name() {
        return byUid ? "UID " + verb : verb;
    }

    @Override
    public final Set<SessionState> validIn() {
        return SessionState.SELECT;
    }

    @Override
    public final boolean allowsExpungeResponses() {
        return byUid;
    }
}
