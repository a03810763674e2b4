package org.courriel.deploy.health;

import org.courriel.mta.queue.QueueWorker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code queueWorkers}, part of readiness: UP while this node's queue worker loop runs,
 * DOWN once it has stopped or its thread has died; UP with {@code workers: off} on a node started with
 * {@code courriel.queue.workers=false}, which delivers nothing by design.
 */
@Component
public class QueueWorkersHealthIndicator implements HealthIndicator {

    private final ObjectProvider<QueueWorker> worker;

    public QueueWorkersHealthIndicator(ObjectProvider<QueueWorker> worker) {
        this.worker = worker;
    }

    @Override
    public Health health() {
        QueueWorker queueWorker = worker.getIfAvailable();
        if (queueWorker == null) {
            return Health.up().withDetail("workers", "off").build();
        }
        return queueWorker.alive() ? Health.up().withDetail("node", queueWorker.nodeId()).build()
                : Health.down().withDetail("node", queueWorker.nodeId()).withDetail("workers", "stopped").build();
    }
}
