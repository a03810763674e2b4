package org.courriel.access.net;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;

/**
 * One virtual thread per listener that closes the connections whose current write has been blocked longer
 * than the write timeout: the client stopped reading and its TCP window is full. Closing the socket is the
 * only way to end a blocked write in Java; the session then fails on its write and ends, freeing its slot.
 * Checked every quarter of the timeout (at most every second), so a write is cut within 1.25 times it.
 * <p>
 * It is also the backstop of the read deadlines ({@link ReadDeadline}): the connection's stream cuts a read
 * at its deadline, but under TLS one read of the stream is a whole TLS record, which a client can dribble a
 * byte at a time; a connection still reading {@link #READ_MARGIN} after its deadline is closed here.
 */
final class WriteWatchdog {

    private static final Logger log = LoggerFactory.getLogger(WriteWatchdog.class);

    private final String listener;
    private final long timeoutNanos;
    private final long tickMillis;
    private final Counter closed;
    /** How long after a read deadline the stream has had its chance to answer (421, BYE) before this closes. */
    static final Duration READ_MARGIN = Duration.ofSeconds(2);

    /** What is watched of one connection. */
    private record Clocks(WriteClock writes, ReadDeadline reads) {
    }

    private final Map<Socket, Clocks> watched = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    WriteWatchdog(String listener, Duration timeout, Counter closed) {
        this.listener = listener;
        this.timeoutNanos = timeout.toNanos();
        this.tickMillis = Math.clamp(timeout.toMillis() / 4, 10, 1_000);
        this.closed = closed;
    }

    void start() {
        running = true;
        thread = Thread.ofVirtual().name("courriel-" + listener + "-write-watchdog").start(this::loop);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Watches the writes and read deadlines of {@code socket} (the TCP socket, closed even under TLS). */
    void watch(Socket socket, WriteClock writes, ReadDeadline reads) {
        watched.put(socket, new Clocks(writes, reads));
    }

    void forget(Socket socket) {
        watched.remove(socket);
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long readMargin = READ_MARGIN.toNanos();
            watched.forEach((socket, clocks) -> {
                if (clocks.writes().blockedLongerThan(timeoutNanos, now) && watched.remove(socket) != null) {
                    closed.increment();
                    log.info("Closing connection from {} on {}: a write was blocked for more than {} ms (client not reading)",
                            socket.getInetAddress().getHostAddress(), listener, timeoutNanos / 1_000_000);
                    close(socket);
                } else if (clocks.reads().overdueBy(readMargin, now) && watched.remove(socket) != null) {
                    log.info("Closing connection from {} on {}: still receiving {} ms after its read deadline",
                            socket.getInetAddress().getHostAddress(), listener, readMargin / 1_000_000);
                    close(socket);
                }
            });
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
