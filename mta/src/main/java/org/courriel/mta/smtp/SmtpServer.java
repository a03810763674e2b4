package org.courriel.mta.smtp;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.courriel.access.ListenersProperties;
import org.courriel.access.net.Connection;
import org.courriel.access.net.ConnectionHandler;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.TcpServer;
import org.courriel.access.tls.TlsContext;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SmtpContext;
import org.courriel.mta.smtp.session.SmtpDispatcher;
import org.courriel.mta.smtp.session.SmtpSession;

import io.micrometer.core.instrument.MeterRegistry;

/** One SMTP listener (MX, submission or submissions): the shared TCP listener running {@link SmtpSession}s. */
public final class SmtpServer implements ConnectionHandler, AutoCloseable {

    private final SmtpContext context;
    private final SmtpDispatcher dispatcher;
    private final TcpServer tcp;
    private final Set<SmtpSession> sessions = ConcurrentHashMap.newKeySet();

    /** @param dispatcher runs the commands the configuration gave it */
    public SmtpServer(SmtpContext context, SmtpDispatcher dispatcher, ListenerProperties listener,
            ListenersProperties shared, TlsContext tls, MeterRegistry meters) {
        this.context = context;
        this.dispatcher = dispatcher;
        ListenerSettings settings = new ListenerSettings(context.kind().listenerName(), listener.bindAddress(),
                listener.port(), context.kind().implicitTls(), listener.maxConnections(),
                listener.maxConnectionsPerIp(), context.properties().commandTimeout(), shared.writeTimeout(),
                shared.shutdownGrace());
        this.tcp = new TcpServer(settings, tls, this, meters);
    }

    public void start() throws IOException {
        tcp.start();
    }

    /** The bound port. */
    public int port() {
        return tcp.port();
    }

    public ListenerKind kind() {
        return context.kind();
    }

    @Override
    public void handle(Connection connection) throws IOException {
        SmtpSession session = new SmtpSession(context, dispatcher, connection);
        sessions.add(session);
        try {
            session.run();
        } finally {
            sessions.remove(session);
        }
    }

    @Override
    public void refuse(Connection connection, String reason) throws IOException {
        // RFC 5321 §3.1: a server that cannot serve now answers 421 instead of 220.
        connection.out().write(Reply.TOO_MANY_CONNECTIONS.with(context.hostname() + " " + reason + ", try again later")
                .encode());
        connection.out().flush();
    }

    /** The listener stops: every session says 421 4.3.2, at once or after its current command. */
    @Override
    public void stopping() {
        sessions.forEach(SmtpSession::shutdown);
    }

    /**
     * Stops accepting, tells every open session 421 4.3.2, waits at most the shutdown grace for them, then
     * closes the connections still open; no client can make it wait longer.
     */
    @Override
    public void close() {
        tcp.close();
    }

    /** Sessions running now. */
    public int openSessions() {
        return sessions.size();
    }
}
