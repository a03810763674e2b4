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
 */
final class WriteWatchdog {

    private static final Logger log = LoggerFactory.getLogger(WriteWatchdog.class);

    private final String listener;
    private final long timeoutNanos;
    private final long tickMillis;
    private final Counter closed;
    private final Map<Socket, WriteClock> watched = new ConcurrentHashMap<>();
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

    /** Watches the writes of {@code socket} (the TCP socket, closed even under TLS); returns their clock. */
    WriteClock watch(Socket socket) {
        WriteClock clock = new WriteClock();
        watched.put(socket, clock);
        return clock;
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
            watched.forEach((socket, clock) -> {
                if (clock.blockedLongerThan(timeoutNanos, now) && watched.remove(socket) != null) {
                    closed.increment();
                    log.info("Closing connection from {} on {}: a write was blocked for more than {} ms (client not reading)",
                            socket.getInetAddress().getHostAddress(), listener, timeoutNanos / 1_000_000);
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
