package org.courriel.store.sieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The duplicate test's memory (RFC 7352) against every database Courriel supports (one subclass each). */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class SieveDuplicatesContract {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static int serial;

    @Autowired
    SieveDuplicates duplicates;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;

    long account;
    long other;

    @BeforeEach
    void setUp() {
        String domain = "dup" + (++serial) + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        account = accounts.create("a@" + domain, "password one", null, 0).id();
        other = accounts.create("b@" + domain, "password two", null, 0).id();
    }

    @Test
    void anIdentifierIsSeenOnceRecordedAndOnlyByItsAccount() {
        assertThat(duplicates.seen(account, "k1", T0)).isFalse();
        duplicates.record(account, "k1", DAY, false, T0);
        assertThat(duplicates.seen(account, "k1", T0.plusSeconds(60))).isTrue();
        assertThat(duplicates.seen(other, "k1", T0.plusSeconds(60))).isFalse();
        assertThat(duplicates.seen(account, "k2", T0.plusSeconds(60))).isFalse();
    }

    @Test
    void theEntryExpiresAfterItsPeriodFromTheFirstOccurrence() {
        duplicates.record(account, "k", DAY, false, T0);
        // RFC 7352 §3.3: seeing it again does not extend the period.
        duplicates.record(account, "k", DAY, false, T0.plus(Duration.ofHours(20)));
        assertThat(duplicates.seen(account, "k", T0.plus(Duration.ofHours(23)))).isTrue();
        assertThat(duplicates.seen(account, "k", T0.plus(Duration.ofHours(25)))).isFalse();
        // Expired, it starts over.
        duplicates.record(account, "k", DAY, false, T0.plus(Duration.ofHours(25)));
        assertThat(duplicates.seen(account, "k", T0.plus(Duration.ofHours(48)))).isTrue();
    }

    @Test
    void withLastThePeriodRunsFromTheLatestOccurrence() {
        duplicates.record(account, "k", DAY, true, T0);
        duplicates.record(account, "k", DAY, true, T0.plus(Duration.ofHours(20)));
        assertThat(duplicates.seen(account, "k", T0.plus(Duration.ofHours(43)))).isTrue();
        assertThat(duplicates.seen(account, "k", T0.plus(Duration.ofHours(45)))).isFalse();
    }

    @Test
    void twoNodesRecordingAtOnceLeaveOneEntry() throws Exception {
        Thread[] nodes = new Thread[4];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new Thread(() -> duplicates.record(account, "race", DAY, false, T0));
            nodes[i].start();
        }
        for (Thread t : nodes) {
            t.join();
        }
        assertThat(duplicates.seen(account, "race", T0.plusSeconds(1))).isTrue();
    }
}
