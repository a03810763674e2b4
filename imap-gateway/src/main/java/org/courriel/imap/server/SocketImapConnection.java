package org.courriel.imap.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;

import org.courriel.access.net.Connection;
import org.courriel.imap.session.ImapConnection;

/** A session's view of a TCP connection from the shared access plumbing. */
final class SocketImapConnection implements ImapConnection {

    private final Connection connection;

    SocketImapConnection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public InputStream in() {
        return connection.in();
    }

    @Override
    public OutputStream out() {
        return connection.out();
    }

    @Override
    public InetAddress peer() {
        return connection.remoteAddress();
    }

    @Override
    public boolean isSecure() {
        return connection.isSecure();
    }

    @Override
    public void startTls() throws IOException {
        connection.startTls();
    }

    @Override
    public boolean canStartTls() {
        return connection.canStartTls();
    }

    @Override
    public void setReadTimeout(Duration timeout) {
        try {
            connection.setReadTimeout(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void commandDeadline(Duration budget, long bytesPerSecond) {
        connection.readDeadline(budget, bytesPerSecond, true);
    }

    @Override
    public void clearCommandDeadline() {
        connection.clearReadDeadline();
    }

    @Override
    public void abort() {
        connection.abort();
    }

    @Override
    public void close() {
        try {
            connection.out().flush();
        } catch (IOException e) {
            // the peer is gone; closing anyway
        }
        try {
            connection.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
