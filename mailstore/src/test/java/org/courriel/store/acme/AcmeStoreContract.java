package org.courriel.store.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import courriel.test.StoreTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ACME state every node shares, run against every database Courriel supports. */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class AcmeStoreContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    AcmeStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstAccountKeyStoredForADirectoryIsKept() {
        String directory = "https://ca" + System.nanoTime() + ".test/dir";
        assertThat(store.accountKey(directory)).isEmpty();
        assertThat(store.saveAccountKey(directory, "first")).isEqualTo("first");
        assertThat(store.saveAccountKey(directory, "second")).isEqualTo("first");
        assertThat(store.accountKey(directory)).contains("first");
    }

    @Test
    void aSavedCertificateReplacesThePreviousOne() {
        String name = "cert" + System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store.saveCertificate(name, new AcmeCertificate(List.of("a.test"), "key1", "chain1", now, now));
        store.saveCertificate(name, new AcmeCertificate(List.of("a.test", "b.test"), "key2", "chain2",
                now.plus(Duration.ofDays(90)), now));
        AcmeCertificate kept = store.certificate(name).orElseThrow();
        assertThat(kept.names()).containsExactly("a.test", "b.test");
        assertThat(kept.keyPair()).isEqualTo("key2");
        assertThat(kept.chain()).isEqualTo("chain2");
        assertThat(kept.notAfter()).isEqualTo(now.plus(Duration.ofDays(90)));
    }

    @Test
    void aChallengeIsServedUntilRemovedOrExpired() {
        String token = "tok" + System.nanoTime();
        store.putChallenge(token, token + ".thumbprint", MINUTE);
        assertThat(store.challenge(token)).contains(token + ".thumbprint");
        store.removeChallenge(token);
        assertThat(store.challenge(token)).isEmpty();
        new AcmeStore(jdbc, Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .putChallenge(token, "old", MINUTE);
        assertThat(store.challenge(token)).isEmpty();
    }

    @Test
    void oneNodeOrdersAtATimeAndADeadNodesLeaseLapses() {
        String name = "lease" + System.nanoTime();
        AcmeStore past = new AcmeStore(jdbc, Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        assertThat(past.acquireLease(name, MINUTE)).isPresent();
        String holder = store.acquireLease(name, MINUTE).orElseThrow();
        assertThat(store.acquireLease(name, MINUTE)).isEmpty();
        store.releaseLease(name, holder);
        assertThat(store.acquireLease(name, MINUTE)).isPresent();
    }
}
