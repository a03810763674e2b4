package org.courriel.store.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import courriel.test.StoreTestApplication;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mailbox leases (POP3's maildrop lock), run against every database Courriel supports. */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class MailboxLeaseContract {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MailboxLeases leases;
    @Autowired
    JdbcClient jdbc;

    long inbox;

    @BeforeEach
    void account() {
        String domain = "lease" + System.nanoTime() + ".example.org";
        domains.add(domain);
        inbox = mailboxes.inboxId(accounts.create("bob@" + domain, "secret password", "Bob", 0).id());
    }

    @Test
    void secondHolderIsRefusedUntilTheFirstReleases() {
        MailboxLease first = leases.acquire(inbox, MINUTE).orElseThrow();
        assertThat(leases.acquire(inbox, MINUTE)).isEmpty();
        leases.release(first);
        assertThat(leases.acquire(inbox, MINUTE)).isPresent();
    }

    @Test
    void ofManyAtOnceExactlyOneWins() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Optional<MailboxLease>>> attempts = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> leases.acquire(inbox, MINUTE))).toList();
            long won = 0;
            for (Future<Optional<MailboxLease>> attempt : attempts) {
                won += attempt.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsHolderCanNoLongerRenewIt() {
        MailboxLeases past = new MailboxLeases(jdbc, Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        MailboxLease dead = past.acquire(inbox, MINUTE).orElseThrow();
        MailboxLease taken = leases.acquire(inbox, MINUTE).orElseThrow();
        assertThat(leases.renew(dead, MINUTE)).isFalse();
        leases.release(dead); // a late release by the old holder leaves the new lease alone
        assertThat(leases.acquire(inbox, MINUTE)).isEmpty();
        assertThat(leases.renew(taken, MINUTE)).isTrue();
    }
}
