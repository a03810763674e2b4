package org.courriel.store.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import courriel.test.StoreTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Send counters against every database Courriel supports (one subclass each). */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class SendCountersContract {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** 10:00:00 on a test day, advanced by the tests. */
    final AtomicLong epochSecond = new AtomicLong(Instant.parse("2026-12-01T10:00:00Z").getEpochSecond());
    SendCounters counters;
    String sender;

    private static int serial;

    @BeforeEach
    void setUp() {
        counters = node();
        sender = "s" + (++serial) + "-" + System.nanoTime() + "@example.org";
    }

    /** A node of its own on the same database, reading the test's clock. */
    SendCounters node() {
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(epochSecond.get());
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        return new SendCounters(jdbc, transactions, clock);
    }

    List<SendLimit> limits(long messages, long recipients) {
        return List.of(new SendLimit("account", sender, messages, recipients));
    }

    @Test
    void theMessageAfterTheLimitIsRefusedAndNothingOfItCounted() {
        for (int i = 0; i < 3; i++) {
            assertThat(counters.admit(limits(3, 0), 2)).isInstanceOf(SendAdmission.Admitted.class);
        }
        SendAdmission fourth = counters.admit(limits(3, 0), 2);
        assertThat(fourth).isInstanceOf(SendAdmission.Refused.class);
        assertThat(((SendAdmission.Refused) fourth).usage()).isEqualTo(new SendUsage("account", sender, 3, 6));
        assertThat(counters.usage("account", sender)).isEqualTo(new SendUsage("account", sender, 3, 6));
    }

    @Test
    void recipientsHaveALimitOfTheirOwn() {
        assertThat(counters.admit(limits(0, 10), 8)).isInstanceOf(SendAdmission.Admitted.class);
        assertThat(counters.admit(limits(0, 10), 3)).isInstanceOf(SendAdmission.Refused.class);
        assertThat(counters.admit(limits(0, 10), 2)).isInstanceOf(SendAdmission.Admitted.class);
    }

    @Test
    void aRefusalByTheDomainLeavesTheAccountUncounted() {
        String domain = "d" + System.nanoTime() + ".example.org";
        List<SendLimit> both = List.of(new SendLimit("account", sender, 100, 0), new SendLimit("domain", domain, 1, 0));
        assertThat(counters.admit(both, 1)).isInstanceOf(SendAdmission.Admitted.class);
        SendAdmission second = counters.admit(both, 1);
        assertThat(second).isInstanceOf(SendAdmission.Refused.class);
        assertThat(((SendAdmission.Refused) second).limit().scope()).isEqualTo("domain");
        assertThat(counters.usage("account", sender).messages()).isEqualTo(1);
    }

    @Test
    void theLastHourSlidesAcrossTheTurnOfTheHour() {
        epochSecond.addAndGet(30 * 60); // 10:30
        for (int i = 0; i < 4; i++) {
            counters.admit(limits(4, 0), 1);
        }
        assertThat(counters.admit(limits(4, 0), 1)).isInstanceOf(SendAdmission.Refused.class);
        epochSecond.addAndGet(31 * 60); // 11:01: most of 10:xx still lies in the last hour
        assertThat(counters.usage("account", sender).messages()).isEqualTo(4);
        assertThat(counters.admit(limits(4, 0), 1)).isInstanceOf(SendAdmission.Refused.class);
        epochSecond.addAndGet(30 * 60); // 11:31: half of it
        assertThat(counters.usage("account", sender).messages()).isEqualTo(2);
        assertThat(counters.admit(limits(4, 0), 1)).isInstanceOf(SendAdmission.Admitted.class);
        epochSecond.addAndGet(60 * 60); // 12:31: 10:xx is gone, 11:xx weighs half
        assertThat(counters.usage("account", sender).messages()).isEqualTo(1);
    }

    @Test
    void resetForgetsTheCounter() {
        counters.admit(limits(1, 0), 1);
        assertThat(counters.admit(limits(1, 0), 1)).isInstanceOf(SendAdmission.Refused.class);
        assertThat(counters.reset("account", sender)).isEqualTo(1);
        assertThat(counters.admit(limits(1, 0), 1)).isInstanceOf(SendAdmission.Admitted.class);
        assertThat(counters.all()).contains(new SendUsage("account", sender, 1, 1));
    }

    @Test
    void twoNodesSendingAtOnceAdmitExactlyTheLimit() throws Exception {
        SendCounters other = node();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SendAdmission>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SendCounters node = i % 2 == 0 ? counters : other;
                attempts.add(() -> node.admit(limits(25, 0), 1));
            }
            long admitted = 0;
            for (Future<SendAdmission> f : pool.invokeAll(attempts)) {
                if (f.get() instanceof SendAdmission.Admitted) {
                    admitted++;
                }
            }
            assertThat(admitted).isEqualTo(25);
            assertThat(counters.usage("account", sender).messages()).isEqualTo(25);
        } finally {
            pool.shutdownNow();
        }
    }
}
