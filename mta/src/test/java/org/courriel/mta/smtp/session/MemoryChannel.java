package org.courriel.mta.smtp.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.courriel.access.net.Channel;
import org.courriel.access.net.LineReader;

/**
 * A session's channel over bytes in memory: the client's whole input up front, the replies collected. At the
 * end of the input it either reports end of stream or, to act out an idle client, a read timeout.
 */
final class MemoryChannel implements Channel {

    private final InputStream in;
    private final LineReader lines;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean secure;
    Duration lastTimeout;

    MemoryChannel(String input, boolean secure, boolean idleAtEnd) {
        this(input.getBytes(StandardCharsets.UTF_8), secure, idleAtEnd);
    }

    MemoryChannel(byte[] input, boolean secure, boolean idleAtEnd) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(input);
        this.in = idleAtEnd ? new InputStream() {
            @Override
            public int read() throws IOException {
                int b = bytes.read();
                if (b < 0) {
                    throw new SocketTimeoutException("idle");
                }
                return b;
            }

            @Override
            public int available() {
                return bytes.available();
            }
        } : bytes;
        this.lines = new LineReader(in);
        this.secure = secure;
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] readLine(int limit) throws IOException {
        return lines.readLine(limit);
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public boolean hasBufferedInput() throws IOException {
        return in.available() > 0;
    }

    @Override
    public InetAddress remoteAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public boolean canStartTls() {
        return false;
    }

    @Override
    public void startTls() throws IOException {
        throw new IOException("no TLS in memory");
    }

    @Override
    public void setReadTimeout(Duration timeout) {
        lastTimeout = timeout;
    }

    @Override
    public void readDeadline(Duration budget, long bytesPerSecond, boolean fromFirstByte) {
        // the input is all there: nothing to wait for
    }

    @Override
    public void clearReadDeadline() {
        // none set
    }

    @Override
    public void abort() {
        // nothing to close
    }

    @Override
    public void close() {
        // nothing to close
    }
}
