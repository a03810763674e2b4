package org.courriel.deploy.crash;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the load clients sent and what the server acknowledged, shared by all sessions; and the moment of
 * the kill, as a number of acknowledgements to wait for.
 */
final class Ledger {

    final Map<String, LoadMessage> sent = new ConcurrentHashMap<>();
    final Map<String, LoadMessage> acknowledged = new ConcurrentHashMap<>();
    /** Sessions the server ended with 421 4.3.2 (a graceful shutdown; a killed server says nothing). */
    final AtomicInteger shutdownNotices = new AtomicInteger();
    private volatile CountDownLatch killAt = new CountDownLatch(0);

    /** Before the message's last byte goes out: from then on the server may keep it. */
    void sending(LoadMessage m) {
        sent.put(m.id(), m);
    }

    /** The server took responsibility for the message. */
    void acknowledged(LoadMessage m) {
        acknowledged.put(m.id(), m);
        killAt.countDown();
    }

    void killAfter(int acknowledgements) {
        killAt = new CountDownLatch(acknowledgements);
    }

    boolean awaitKillMoment(long seconds) throws InterruptedException {
        return killAt.await(seconds, TimeUnit.SECONDS);
    }
}
