package org.courriel.deploy.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.store.testing.FakeSmtpServer;

/**
 * The remote MTA of the queue's crash tests, a {@link FakeSmtpServer} scripted so: it turns everyone away with
 * 421 until opened, takes its time before the 250 to the final dot (so a kill falls in the middle of
 * transfers), answers 451 for ever to recipients of {@code greylist.test}; and this class counts the deliveries
 * of each (Message-ID, recipient).
 * <p>
 * It also knows the one transfer per connection that may legitimately arrive twice: the last it accepted on a
 * connection that was then cut without QUIT, since the sender may have died between this 250 and recording
 * it (RFC 5321 §6.1: a duplicate rather than a loss).
 */
final class CountingRemoteMta implements AutoCloseable {

    private final FakeSmtpServer server = FakeSmtpServer.start("remote");
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final Set<String> duplicateWindow = ConcurrentHashMap.newKeySet();
    final AtomicInteger refusedAttempts = new AtomicInteger();
    private final Map<Integer, List<String>> lastAcceptedOnConnection = new ConcurrentHashMap<>();
    private volatile CountDownLatch delivered = new CountDownLatch(0);
    private volatile boolean open;

    CountingRemoteMta(Duration acceptDelay) {
        server.greeting = n -> open ? "220 remote.test ESMTP" : "421 4.3.2 not open yet, try again later";
        server.dataReplyDelay = acceptDelay;
        server.dataReply = recipients -> "250 2.0.0 accepted";
        server.rcptReply = (address, attempt) -> {
            if (address.endsWith("@greylist.test")) {
                refusedAttempts.incrementAndGet();
                return "451 4.7.1 greylisted, try again later";
            }
            return "250 2.1.5 ok";
        };
        server.onAccepted = this::count;
        server.onClosed = (connection, quit) -> {
            List<String> last = lastAcceptedOnConnection.remove(connection);
            if (!quit && last != null) {
                duplicateWindow.addAll(last);
            }
        };
    }

    String route() {
        return server.route();
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

    private void count(FakeSmtpServer.Transaction transaction) {
        String messageId = messageId(transaction.text());
        List<String> keys = transaction.recipients().stream().map(r -> messageId + " " + r).toList();
        keys.forEach(k -> {
            deliveries.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            delivered.countDown();
        });
        lastAcceptedOnConnection.put(transaction.connection(), keys);
    }

    /** The content's Message-ID, as written. */
    private static String messageId(String content) {
        for (String line : content.split("\r\n")) {
            if (line.startsWith("Message-ID: ")) {
                return line.substring("Message-ID: ".length());
            }
            if (line.isEmpty()) {
                break;
            }
        }
        return null;
    }

    /** How many times each delivered (message, recipient) arrived. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        deliveries.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    @Override
    public void close() {
        server.close();
    }
}
