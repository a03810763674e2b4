package org.courriel.mta.relay.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.junit.jupiter.api.Test;

/** RFC 8461 §3.1, §5.1: the TXT id decides a new fetch, max_age ends a cached policy, failures keep it. */
class MtaStsPoliciesTest {

    static final String ENFORCE = "version: STSv1\nmode: enforce\nmx: mx.example.org\nmax_age: 3600\n";
    static final String TESTING = "version: STSv1\nmode: testing\nmx: mx.example.org\nmax_age: 3600\n";

    final Map<String, DnsAnswer<String>> txt = new ConcurrentHashMap<>();
    final List<String> fetched = new ArrayList<>();
    volatile String served = ENFORCE;
    Instant now = Instant.parse("2026-12-02T00:00:00Z");

    final DnsResolver dns = new DnsResolver() {
        @Override
        public DnsAnswer<MxRecord> mx(String domain) {
            return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "none");
        }

        @Override
        public DnsAnswer<InetAddress> addresses(String host) {
            return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "none");
        }

        @Override
        public DnsAnswer<String> txt(String name) {
            return txt.getOrDefault(name, DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "none"));
        }
    };

    final MtaStsPolicies policies;

    MtaStsPoliciesTest() throws NoSuchAlgorithmException {
        MtaStsFetcher fetcher = new MtaStsFetcher(SSLContext.getDefault(), Duration.ofSeconds(1), 1024, 443) {
            @Override
            public String fetch(String domain) throws IOException {
                fetched.add(domain);
                if (served == null) {
                    throw new IOException("down");
                }
                return served;
            }
        };
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
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
        policies = new MtaStsPolicies(dns, fetcher, 100, clock);
    }

    void record(String id) {
        txt.put("_mta-sts.example.org", DnsAnswer.found(List.of("v=STSv1; id=" + id)));
    }

    @Test
    void aDomainWithoutTheTxtRecordHasNoPolicyAndNothingIsFetched() {
        assertThat(policies.policy("example.org")).isEmpty();
        assertThat(fetched).isEmpty();
    }

    @Test
    void theSameIdUsesTheCachedPolicyAndANewIdFetchesAgain() {
        record("one");
        assertThat(policies.policy("example.org")).hasValueSatisfying(
                p -> assertThat(p.mode()).isEqualTo(MtaStsPolicy.Mode.ENFORCE));
        assertThat(policies.policy("Example.ORG")).isPresent();
        assertThat(fetched).hasSize(1);
        served = TESTING;
        record("two");
        assertThat(policies.policy("example.org")).hasValueSatisfying(
                p -> assertThat(p.mode()).isEqualTo(MtaStsPolicy.Mode.TESTING));
        assertThat(fetched).hasSize(2);
    }

    @Test
    void aCachedPolicySurvivesALostTxtRecordAndAFailedFetchUntilMaxAge() {
        record("one");
        assertThat(policies.policy("example.org")).isPresent();
        txt.clear(); // §5.1: the record gone (or DNS failing) does not end a cached policy
        assertThat(policies.policy("example.org")).isPresent();
        served = null;
        record("two"); // §3.1: a new id whose policy cannot be fetched: the cached one holds
        assertThat(policies.policy("example.org")).isPresent();
        now = now.plus(Duration.ofSeconds(3600));
        assertThat(policies.policy("example.org")).isEmpty(); // past max_age, nothing to fall back on
    }

    @Test
    void modeNoneAndAnInvalidPolicyCountAsNoPolicy() {
        served = "version: STSv1\nmode: none\nmax_age: 3600\n";
        record("one");
        assertThat(policies.policy("example.org")).isEmpty();
        served = "version: STSv1\nmode: enforce\nmax_age: 3600\n"; // no mx
        record("two");
        assertThat(policies.policy("example.org")).isEmpty();
    }

    @Test
    void aFailedFetchIsNotRepeatedForTheSameIdBeforeTheRetryPause() {
        served = null;
        record("one");
        assertThat(policies.policy("example.org")).isEmpty();
        assertThat(policies.policy("example.org")).isEmpty();
        assertThat(fetched).hasSize(1);
        served = ENFORCE;
        now = now.plus(MtaStsPolicies.FETCH_RETRY);
        assertThat(policies.policy("example.org")).isPresent();
        assertThat(fetched).hasSize(2);
    }
}
