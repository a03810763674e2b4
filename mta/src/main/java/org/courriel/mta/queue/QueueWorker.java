package org.courriel.mta.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.store.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers due recipients: a loop claims them (lease-bound, {@link QueueRepository}), groups them by
 * destination domain and gives each group a virtual thread and one connection, up to
 * {@code courriel.queue.max-connections} at once. The loop wakes when this node queues mail and otherwise
 * every {@code poll-interval}; it also takes over notifications a crashed node left unsent and purges old
 * finished entries.
 */
public class QueueWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueWorker.class);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(15);

    private final QueueRepository repository;
    private final DomainDelivery delivery;
    private final PendingNotifications notifications;
    private final QueueMetrics metrics;
    private final QueueProperties properties;
    private final Clock clock;
    private final String node;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Semaphore connections;
    private volatile boolean running;
    private volatile Thread loop;
    private Instant nextHousekeeping = Instant.EPOCH;

    public QueueWorker(QueueRepository repository, DomainDelivery delivery, PendingNotifications notifications,
            QueueMetrics metrics, QueueProperties properties, Clock clock, String node) {
        this.repository = repository;
        this.delivery = delivery;
        this.notifications = notifications;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.node = node;
        this.connections = new Semaphore(properties.maxConnections());
    }

    /** Looks for work now (new mail was queued on this node). */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (running) {
            try {
                housekeeping();
                boolean claimed = false;
                if (inFlight.get() < properties.maxConnections()) {
                    claimed = claimAndDispatch();
                }
                if (!claimed) {
                    wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                logFailure("Queue worker loop failed; retrying after the poll interval", e);
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean claimAndDispatch() {
        String token = node + "/" + UUID.randomUUID();
        Instant now = clock.instant();
        List<QueuedRecipient> claimed = repository.claimDue(token, now, now.plus(properties.lease()),
                properties.claimBatch());
        log.debug("{} claimed {} recipient(s)", node, claimed.size());
        if (claimed.isEmpty()) {
            return false;
        }
        Map<String, List<QueuedRecipient>> byDomain = new LinkedHashMap<>();
        claimed.forEach(r -> byDomain.computeIfAbsent(r.domain(), d -> new ArrayList<>()).add(r));
        // the claim is one token; each domain's group runs on its own virtual thread, then the token is finished
        AtomicInteger groupsLeft = new AtomicInteger(byDomain.size());
        Lease lease = new Lease(token, now);
        for (Map.Entry<String, List<QueuedRecipient>> group : byDomain.entrySet()) {
            inFlight.incrementAndGet();
            Thread.ofVirtual().name("courriel-queue-" + group.getKey()).start(() -> {
                try {
                    connections.acquire();
                    try {
                        delivery.deliver(group.getKey(), group.getValue(), lease);
                    } finally {
                        connections.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    logFailure("Delivery to " + group.getKey()
                            + " failed; its recipients are retried when their claim expires", e);
                } finally {
                    inFlight.decrementAndGet();
                    if (groupsLeft.decrementAndGet() == 0) {
                        finish(token);
                    }
                    wakeUp();
                }
            });
        }
        return inFlight.get() < properties.maxConnections();
    }

    /** A bug is logged with its stack trace; an unavailable database, which the next poll retries, in one line. */
    private static void logFailure(String what, RuntimeException e) {
        if (DatabaseUnavailable.is(e)) {
            log.warn("{}: the database is unavailable: {}", what, DatabaseUnavailable.describe(e));
        } else {
            log.error(what, e);
        }
    }

    /** After a claim's deliveries: send the notifications they made due, give back what is left. */
    private void finish(String token) {
        try {
            notifications.send(token);
        } catch (RuntimeException e) {
            logFailure("Sending notifications failed; they are retried when the claim expires", e);
        } finally {
            try {
                repository.releaseClaims(token);
            } catch (RuntimeException e) {
                log.warn("Could not release claim {}; it expires with its lease", token, e);
            }
        }
    }

    private void housekeeping() {
        Instant now = clock.instant();
        if (now.isBefore(nextHousekeeping)) {
            return;
        }
        nextHousekeeping = now.plus(HOUSEKEEPING);
        String token = node + "/" + UUID.randomUUID();
        List<QueuedRecipient> orphaned = repository.claimPendingNotifications(token, now, now.plus(properties.lease()),
                properties.claimBatch());
        if (!orphaned.isEmpty()) {
            log.info("Taking over {} notification(s) left by a stopped worker", orphaned.size());
            finish(token);
        }
        int purged = repository.purgeFinished(now.minus(properties.retention()));
        if (purged > 0) {
            log.info("Purged {} finished queue entries", purged);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofVirtual().name("courriel-queue-worker").start(this::run);
        log.info("Queue worker {} started ({} connections at most)", node, properties.maxConnections());
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        if (loop != null) {
            try {
                loop.join(10_000);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50); // deliveries stop between messages; wait for the one on the wire
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the group committer, which it writes through. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    String node() {
        return node;
    }

    /** This node's name in claims and attempts. */
    public String nodeId() {
        return node;
    }

    /** Whether the worker loop runs: started, not stopped, and its thread has not died. */
    public boolean alive() {
        Thread current = loop;
        return running && current != null && current.isAlive();
    }

    /**
     * A claim's lease, extended while its deliveries make progress, at most every third of the lease, so
     * that a long batch to a slow server is not taken over by another node while it is still being worked on.
     */
    private final class Lease implements DomainDelivery.Control {
        private final String token;
        private Instant extended;

        Lease(String token, Instant claimedAt) {
            this.token = token;
            this.extended = claimedAt;
        }

        @Override
        public boolean running() {
            return running;
        }

        @Override
        public synchronized void progress() {
            Instant now = clock.instant();
            if (Duration.between(extended, now).compareTo(properties.lease().dividedBy(3)) >= 0) {
                extended = now;
                try {
                    repository.extendClaims(token, now.plus(properties.lease()));
                } catch (RuntimeException e) {
                    log.warn("Could not extend claim {}", token, e);
                }
            }
        }
    }
}
