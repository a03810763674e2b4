package org.courriel.access.net;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@link ConnectionHandler} every protocol uses: opens a session per connection, keeps the open ones so that a
 * stopping listener can tell each of them, and answers a refused client with the protocol's own words.
 */
public final class SessionHandler implements ConnectionHandler {

    /** Opens the session of one accepted connection. */
    @FunctionalInterface
    public interface SessionFactory {
        ServedSession open(Connection connection) throws IOException;
    }

    private final SessionFactory factory;
    private final Function<String, byte[]> refusal;
    private final Set<ServedSession> sessions = ConcurrentHashMap.newKeySet();

    /**
     * @param refusal the protocol's whole reply line (CRLF included) to a client past a connection limit, given the
     *                reason; the connection is closed after it
     */
    public SessionHandler(SessionFactory factory, Function<String, byte[]> refusal) {
        this.factory = factory;
        this.refusal = refusal;
    }

    @Override
    public void handle(Connection connection) throws IOException {
        ServedSession session = factory.open(connection);
        sessions.add(session);
        try {
            session.run();
        } finally {
            sessions.remove(session);
        }
    }

    @Override
    public void refuse(Connection connection, String reason) throws IOException {
        connection.out().write(refusal.apply(reason));
        connection.out().flush();
    }

    @Override
    public void stopping() {
        sessions.forEach(ServedSession::shutdown);
    }

    /** Sessions running now. */
    public int openSessions() {
        return sessions.size();
    }
}
