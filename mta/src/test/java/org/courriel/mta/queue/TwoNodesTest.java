package org.courriel.mta.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.courriel.mta.MtaTestApplication;
import org.courriel.mta.delivery.EnvelopeRecipient;
import org.courriel.mta.delivery.MailEnvelope;
import org.courriel.mta.delivery.OutboundQueue;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FakeSmtpServer;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.content.MessageContent;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Courriel nodes (two Spring contexts, each with its queue worker) on one PostgreSQL: every recipient of
 * 500 queued messages reaches the remote server exactly once.
 */
class TwoNodesTest {

    private static final int MESSAGES = 500;

    private final FakeSmtpServer remote = FakeSmtpServer.start("bulk");
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    private ConfigurableApplicationContext node(String url, String name) {
        // command-line arguments, so that they win over the test application.properties
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MtaTestApplication.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--courriel.queue.node-id=" + name,
                        "--courriel.queue.claim-batch=10", "--courriel.queue.max-connections=4",
                        "--courriel.relay.routes[bulk.example]=" + remote.route(), "--spring.main.banner-mode=off");
        assertThat(context.getBean(JdbcClient.class).sql("SELECT version()").query(String.class).single())
                .startsWith("PostgreSQL");
        nodes.add(context);
        return context;
    }

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        remote.close();
    }

    @Test
    void deliversEachRecipientExactlyOnceWithTwoNodesOnOneDatabase() {
        remote.pipelining = true;
        String url = EmbeddedPostgres.newDatabase();
        ConfigurableApplicationContext a = node(url, "node-a");
        node(url, "node-b");

        GroupCommitter committer = a.getBean(GroupCommitter.class);
        OutboundQueue queue = a.getBean(OutboundQueue.class);
        // one transaction: all 500 become due at once and both workers compete for them
        committer.execute(tx -> {
            for (int i = 0; i < MESSAGES; i++) {
                String rcpt = "r" + i + "@bulk.example";
                byte[] message = ("From: sender@elsewhere.example\r\nSubject: bulk " + i + "\r\n\r\nbody " + i + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                queue.enqueue(tx, MessageContent.of(message), new MailEnvelope("sender@elsewhere.example",
                        List.of(EnvelopeRecipient.of(rcpt)), null, null, false, false), List.of(EnvelopeRecipient.of(rcpt)));
            }
            return null;
        });

        JdbcClient jdbc = a.getBean(JdbcClient.class);
        Await.until("all delivered", Duration.ofSeconds(120), () -> jdbc.sql(
                "SELECT COUNT(*) FROM queue_recipient WHERE state = 'DELIVERED'").query(Long.class).single() == MESSAGES);

        Map<String, Long> received = remote.transactions.stream().flatMap(t -> t.recipients().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(received).hasSize(MESSAGES);
        assertThat(received.values()).allMatch(count -> count == 1L);
        Map<String, Long> byNode = jdbc.sql("SELECT node, COUNT(*) FROM queue_attempt GROUP BY node")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byNode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(MESSAGES);
        assertThat(byNode).as("both nodes took part").containsKeys("node-a", "node-b");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM content").query(Long.class).single()).as("all content released").isZero();
    }
}
