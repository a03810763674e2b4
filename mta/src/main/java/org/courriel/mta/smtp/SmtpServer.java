package org.courriel.mta.smtp;

import org.courriel.mta.smtp.session.ListenerKind;
import java.io.IOException;

import org.courriel.access.ListenersProperties;
import org.courriel.access.net.ListenerSettings;
import org.courriel.access.net.SessionHandler;
import org.courriel.access.net.TcpServer;
import org.courriel.access.tls.TlsContext;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.SmtpContext;
import org.courriel.mta.smtp.session.SmtpDispatcher;
import org.courriel.mta.smtp.session.SmtpSession;

import io.micrometer.core.instrument.MeterRegistry;

/** One SMTP listener (MX, submission or submissions): the shared TCP listener running {@link SmtpSession}s. */
public final class SmtpServer implements AutoCloseable {

    private final SmtpContext context;
    private final SessionHandler sessions;
    private final TcpServer tcp;

    /** @param dispatcher runs the commands the configuration gave it */
    public SmtpServer(SmtpContext context, SmtpDispatcher dispatcher, ListenerProperties listener,
            ListenersProperties shared, TlsContext tls, MeterRegistry meters) {
        this.context = context;
        // The listener stops: every session says 421 4.3.2, at once or after its current command.
        this.sessions = new SessionHandler(connection -> new SmtpSession(context, dispatcher, connection),
                // RFC 5321 §3.1: a server that cannot serve now answers 421 instead of 220.
                reason -> Reply.TOO_MANY_CONNECTIONS.with(context.hostname() + " " + reason + ", try again later")
                        .encode());
        ListenerSettings settings = new ListenerSettings(context.kind().listenerName(), listener.bindAddress(),
                listener.port(), context.kind().implicitTls(), listener.maxConnections(),
                listener.maxConnectionsPerIp(), context.properties().commandTimeout(), shared.writeTimeout(),
                shared.shutdownGrace());
        this.tcp = new TcpServer(settings, tls, sessions, meters);
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
        return sessions.openSessions();
    }
}
