package org.courriel.mta.queue;

import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.courriel.mta.delivery.MailDelivery;
import org.courriel.mta.delivery.OutboundQueue;
import org.courriel.mta.dsn.DsnSender;
import org.courriel.mta.relay.RelayProperties;
import org.courriel.mta.relay.Router;
import org.courriel.mta.relay.SmtpClient;
import org.courriel.store.account.DomainService;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.content.ContentStore;
import org.courriel.store.lifecycle.ShutdownDeadline;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the outbound queue: the {@link OutboundQueue} bean {@link MailDelivery} hands remote recipients to,
 * the operators' {@link QueueService}, and (unless {@code courriel.queue.workers=false}) the delivery worker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueueProperties.class)
public class QueueConfiguration {

    @Bean
    QueueRepository queueRepository(JdbcClient jdbc, ContentStore contents, PlatformTransactionManager transactions) {
        return new QueueRepository(jdbc, contents, transactions);
    }

    @Bean
    QueueNode queueNode(QueueProperties properties, SmtpClient client) {
        String id = properties.nodeId().isBlank()
                ? client.heloName() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
                : properties.nodeId().strip();
        return new QueueNode(id, Clock.systemUTC());
    }

    @Bean
    OutboundQueue outboundQueue(QueueRepository repository, ContentStore contents, ObjectProvider<QueueWorker> worker,
            QueueNode node) {
        return new DatabaseOutboundQueue(repository, contents, worker, node.clock());
    }

    @Bean
    QueueService queueService(JdbcClient jdbc, QueueRepository repository, GroupCommitter committer,
            ObjectProvider<QueueWorker> worker, QueueNode node) {
        return new QueueService(jdbc, repository, committer, worker, node.clock());
    }

    @Bean
    QueueMetrics queueMetrics(MeterRegistry registry, QueueRepository repository, QueueNode node) {
        return new QueueMetrics(registry, repository, node.clock());
    }

    @Bean
    RetrySchedule retrySchedule(QueueProperties properties) {
        return new RetrySchedule(properties.retry());
    }

    @Bean
    DsnSender dsnSender(MailDelivery delivery, SmtpClient client) {
        return new DsnSender(delivery, client.heloName());
    }

    @Bean
    @ConditionalOnProperty(name = "courriel.queue.workers", havingValue = "true", matchIfMissing = true)
    QueueWorker queueWorker(QueueRepository repository, ContentStore contents, DomainService domains,
            MailDelivery delivery, GroupCommitter committer, RetrySchedule schedule, QueueMetrics metrics,
            DsnSender dsn, Router router, SmtpClient client, QueueProperties properties, RelayProperties relay,
            QueueNode node, ShutdownDeadline deadline) {
        AttemptRecorder recorder = new AttemptRecorder(repository, committer, schedule, properties, metrics,
                node.clock(), node.id());
        DomainDelivery domainDelivery = new DomainDelivery(router, client, contents, domains, delivery, recorder,
                relay.maxRecipientsPerTransaction(), properties.maxReceivedHops());
        PendingNotifications notifications = new PendingNotifications(repository, contents, dsn, committer, schedule,
                node.clock());
        return new QueueWorker(repository, domainDelivery, notifications, metrics, properties, node.clock(), node.id(),
                deadline);
    }

    /** This node's name in claims and attempts, and the clock the queue reads. */
    public record QueueNode(String id, Clock clock) {
    }
}
