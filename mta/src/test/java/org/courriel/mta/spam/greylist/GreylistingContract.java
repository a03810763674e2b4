package org.courriel.mta.spam.greylist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.courriel.mta.MtaTestApplication;
import org.courriel.store.greylist.Triplets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Greylisting over the store, with two nodes that share it: a sender deferred by one is accepted by the other
 * when it retries after the delay. Against every database (one subclass each).
 */
@SpringBootTest(classes = MtaTestApplication.class, properties = {"courriel.listeners.enabled=false",
        "courriel.queue.workers=false"})
abstract class GreylistingContract {

    static final GreylistProperties SETTINGS = new GreylistProperties(true, Duration.ofMinutes(5), Duration.ofHours(4),
            Duration.ofDays(35));

    @Autowired
    Triplets triplets;

    Greylisting nodeA;
    Greylisting nodeB;
    InetAddress client;
    Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    static int serial;

    @BeforeEach
    void nodes() throws Exception {
        nodeA = new Greylisting(triplets, SETTINGS, new SimpleMeterRegistry());
        nodeB = new Greylisting(triplets, SETTINGS, new SimpleMeterRegistry());
        serial++;
        client = InetAddress.getByName("198.51." + serial + ".7"); // a network of its own per test
    }

    @Test
    void aNewTripletWaitsTheDelayThenPassesOnAnyNode() throws Exception {
        assertThat(nodeA.check(client, "alice@example.net", List.of("bob@example.org"), t0))
                .isEqualTo(new GreylistDecision.Defer(Duration.ofMinutes(5)));
        assertThat(nodeB.check(client, "alice@example.net", List.of("bob@example.org"), t0.plusSeconds(60)))
                .isEqualTo(new GreylistDecision.Defer(Duration.ofMinutes(4)));
        assertThat(nodeB.check(client, "Alice@Example.NET", List.of("bob@example.org"), t0.plusSeconds(301)))
                .isInstanceOf(GreylistDecision.Pass.class);
    }

    @Test
    void aNetworkThatPassedIsNotGreylistedAgain() throws Exception {
        nodeA.check(client, "alice@example.net", List.of("bob@example.org"), t0);
        nodeA.check(client, "alice@example.net", List.of("bob@example.org"), t0.plusSeconds(400));
        InetAddress neighbour = InetAddress.getByName(client.getHostAddress().replaceAll("\\.7$", ".200"));
        assertThat(nodeB.check(neighbour, "carol@example.net", List.of("dave@example.org"), t0.plusSeconds(500)))
                .isInstanceOf(GreylistDecision.Pass.class);
        assertThat(nodeB.check(neighbour, "carol@example.net", List.of("dave@example.org"),
                t0.plus(Duration.ofDays(36)))).isInstanceOf(GreylistDecision.Defer.class);
    }

    @Test
    void aRetryAfterTheWindowWaitsAgain() throws Exception {
        nodeA.check(client, "alice@example.net", List.of("bob@example.org"), t0);
        Instant late = t0.plus(Duration.ofHours(5));
        assertThat(nodeA.check(client, "alice@example.net", List.of("bob@example.org"), late))
                .isEqualTo(new GreylistDecision.Defer(Duration.ofMinutes(5)));
        assertThat(nodeA.check(client, "alice@example.net", List.of("bob@example.org"), late.plusSeconds(300)))
                .isInstanceOf(GreylistDecision.Pass.class);
    }

    @Test
    void everyRecipientIsATripletOfItsOwn() throws Exception {
        nodeA.check(client, "alice@example.net", List.of("bob@example.org"), t0);
        assertThat(nodeA.check(client, "alice@example.net", List.of("bob@example.org", "carol@example.org"),
                t0.plusSeconds(301))).isEqualTo(new GreylistDecision.Defer(Duration.ofMinutes(5)));
    }

    @Test
    void networksAreSlash24AndSlash64() throws Exception {
        assertThat(Greylisting.network(InetAddress.getByName("192.0.2.77"))).isEqualTo("192.0.2.0/24");
        assertThat(Greylisting.network(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd")))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }
}
