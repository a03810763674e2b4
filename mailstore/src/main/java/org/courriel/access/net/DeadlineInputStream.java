package org.courriel.access.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The socket's input under a {@link ReadDeadline}: while one runs, each read waits at most until the deadline
 * (the socket timeout is shortened to what is left) and fails with {@link ReadDeadlineException} once it has
 * passed.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final ReadDeadline deadline;
    private final IdleTimeout idle;

    /** The connection's idle timeout, which the stream restores when it has shortened it. */
    interface IdleTimeout {
        int millis();
    }

    DeadlineInputStream(InputStream in, Socket socket, ReadDeadline deadline, IdleTimeout idle) {
        super(in);
        this.socket = socket;
        this.deadline = deadline;
        this.idle = idle;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        boolean limited = false;
        if (!deadline.running()) {
            deadline.waiting(idle.millis() * 1_000_000L);
        } else {
            long left = deadline.remainingNanos();
            if (left <= 0) {
                throw new ReadDeadlineException("read deadline passed");
            }
            long leftMillis = Math.max(1, left / 1_000_000);
            int idleMillis = idle.millis();
            limited = idleMillis == 0 || leftMillis < idleMillis;
            socket.setSoTimeout(limited ? (int) Math.min(Integer.MAX_VALUE, leftMillis) : idleMillis);
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            if (limited) {
                throw new ReadDeadlineException("read deadline passed");
            }
            throw e;
        } finally {
            if (limited) {
                socket.setSoTimeout(idle.millis());
            }
        }
        if (n > 0) {
            deadline.received(n);
        }
        return n;
    }
}
