package org.courriel.access.net;

import java.io.IOException;

/** A protocol's side of a connection: runs the whole session on the connection's virtual thread. */
public interface ConnectionHandler {

    /** Runs a session; the connection is closed when this returns or throws. */
    void handle(Connection connection) throws IOException;

    /**
     * Tells a client that came past a connection limit that it cannot be served now (SMTP 421, IMAP BYE);
     * the connection is closed afterwards.
     */
    void refuse(Connection connection, String reason) throws IOException;

    /**
     * The listener is stopping: tell the sessions (SMTP 421, IMAP BYE) and let idle ones end. Called on the
     * stopping thread, so it must not block on a client; connections still open after the listener's shutdown
     * grace are closed under their sessions.
     */
    default void stopping() {
    }
}
