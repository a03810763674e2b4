package org.courriel.mta.smtp.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;

import org.courriel.access.net.Connection;

/** A session's channel over the shared TCP plumbing's {@link Connection}. */
public final class ConnectionChannel implements SmtpChannel {

    private final Connection connection;

    public ConnectionChannel(Connection connection) {
        this.connection = connection;
    }

    @Override
    public byte[] readLine(int limit) throws IOException {
        return connection.lines().readLine(limit);
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
    public boolean hasBufferedInput() throws IOException {
        return connection.in().available() > 0;
    }

    @Override
    public InetAddress remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public boolean isSecure() {
        return connection.isSecure();
    }

    @Override
    public boolean canStartTls() {
        return connection.canStartTls();
    }

    @Override
    public void startTls() throws IOException {
        connection.startTls();
    }

    @Override
    public void setReadTimeout(Duration timeout) throws IOException {
        connection.setReadTimeout(timeout);
    }

    @Override
    public void readDeadline(Duration budget, long bytesPerSecond) {
        connection.readDeadline(budget, bytesPerSecond, false);
    }

    @Override
    public void clearReadDeadline() {
        connection.clearReadDeadline();
    }

    @Override
    public void abort() {
        connection.abort();
    }
}
