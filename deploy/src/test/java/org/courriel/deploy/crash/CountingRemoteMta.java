package org.courriel.deploy.crash;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.deploy.testing.LineConnection;

/**
 * A scripted remote MTA on loopback for the queue's crash test: it turns everyone away until opened, takes its
 * time before the 250 to the final dot (so a kill falls in the middle of transfers), answers 451 for ever to recipients of
 * {@code greylist.test}, and counts the deliveries of each (Message-ID, recipient).
 * <p>
 * It also knows the one transfer per connection that may legitimately arrive twice: the last it accepted on a
 * connection that was then cut without QUIT, since the sender may have died between this 250 and recording
 * it (RFC 5321 §6.1: a duplicate rather than a loss).
 */
final class CountingRemoteMta implements AutoCloseable {

    private final ServerSocket listener;
    private final Duration acceptDelay;
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final Set<String> duplicateWindow = ConcurrentHashMap.newKeySet();
    final AtomicInteger refusedAttempts = new AtomicInteger();
    private volatile CountDownLatch delivered = new CountDownLatch(0);
    private volatile boolean open;

    CountingRemoteMta(Duration acceptDelay) throws IOException {
        this.acceptDelay = acceptDelay;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("remote-mta").start(this::accept);
    }

    String route() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** Starts taking mail; until then every connection is turned away with 421 (the sender retries). */
    void open() {
        open = true;
    }

    /** Counts down once per delivery of a (message, recipient) from now on. */
    CountDownLatch countDeliveries(int n) {
        delivered = new CountDownLatch(n);
        return delivered;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        List<String> lastAccepted = List.of();
        boolean quit = false;
        try (socket; LineConnection c = new LineConnection(socket)) {
            if (!open) {
                c.send("421 4.3.2 not open yet, try again later");
                return;
            }
            c.send("220 remote.test ESMTP");
            List<String> rcpts = new ArrayList<>();
            while (!quit) {
                String line = c.line();
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO", "HELO" -> c.send("250 remote.test");
                    case "MAIL" -> {
                        rcpts.clear();
                        c.send("250 2.1.0 ok");
                    }
                    case "RCPT" -> {
                        String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        if (address.endsWith("@greylist.test")) {
                            refusedAttempts.incrementAndGet();
                            c.send("451 4.7.1 greylisted, try again later");
                        } else {
                            rcpts.add(address);
                            c.send("250 2.1.5 ok");
                        }
                    }
                    case "DATA" -> {
                        if (rcpts.isEmpty()) {
                            c.send("503 5.5.1 no valid recipients");
                            continue;
                        }
                        c.send("354 go ahead");
                        String messageId = readData(c);
                        Thread.sleep(acceptDelay); // the remote is slow to say yes: the point of this fake
                        List<String> keys = rcpts.stream().map(r -> messageId + " " + r).toList();
                        c.send("250 2.0.0 accepted");
                        keys.forEach(k -> {
                            deliveries.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
                            delivered.countDown();
                        });
                        lastAccepted = keys;
                    }
                    case "RSET", "NOOP" -> c.send("250 2.0.0 ok");
                    case "QUIT" -> {
                        c.send("221 2.0.0 bye");
                        quit = true;
                    }
                    default -> c.send("502 5.5.2 not here");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the sender died
        }
        if (!quit) {
            duplicateWindow.addAll(lastAccepted);
        }
    }

    /** Reads the content to the lone dot and returns its Message-ID. */
    private static String readData(LineConnection c) throws IOException {
        String messageId = null;
        String line;
        while (!(line = c.line()).equals(".")) {
            if (messageId == null && line.startsWith("Message-ID: ")) {
                messageId = line.substring("Message-ID: ".length());
            }
        }
        return messageId;
    }

    /** How many times each delivered (message, recipient) arrived. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        deliveries.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
