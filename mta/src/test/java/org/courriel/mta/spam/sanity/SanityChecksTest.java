package org.courriel.mta.spam.sanity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.courriel.access.net.IpNetwork;
import org.courriel.mta.spam.sanity.SanityChecks.Verdict;
import org.courriel.mta.spam.sanity.SanityProperties.HeloPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HELO check's policy and allow list as a table; no DNS is asked about a HELO name. */
class SanityChecksTest {

    private static SanityChecks checks(HeloPolicy policy, Duration pause) {
        return new SanityChecks(new SanityProperties(policy, false, true), new SanityProperties.Greeting(pause), null,
                "mx.example.org", "example.org"::equals, List.of(IpNetwork.parse("198.51.100.0/24")), null);
    }

    @ParameterizedTest(name = "{0} from {1} with {2} -> {3}")
    @CsvSource({
            "mx.example.org,  192.0.2.7,     REJECT, HELO_CLAIMS_US",
            "example.org,     192.0.2.7,     REJECT, HELO_CLAIMS_US",
            "[127.0.0.1],     192.0.2.7,     REJECT, HELO_CLAIMS_US",
            "cafe.be,         192.0.2.7,     REJECT, PASS",
            "mail.other.net,  192.0.2.7,     REJECT, PASS",
            "mx.example.org,  192.0.2.7,     LOG,    PASS",
            "mx.example.org,  192.0.2.7,     OFF,    PASS",
            "mx.example.org,  198.51.100.9,  REJECT, PASS"})
    void heloClaimingToBeUs(String helo, String client, HeloPolicy policy, Verdict expected) throws Exception {
        assertThat(checks(policy, Duration.ZERO).helo(helo, InetAddress.getByName(client))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "client {0} -> pause {1} ms, refuses {2}")
    @CsvSource({"192.0.2.7, 500, true", "198.51.100.9, 0, false"})
    void theGreetPauseAndEarlyTalkerCheckSkipTheAllowList(String client, long pauseMillis, boolean refuses)
            throws Exception {
        SanityChecks checks = checks(HeloPolicy.REJECT, Duration.ofMillis(500));
        assertThat(checks.greetPause(InetAddress.getByName(client))).isEqualTo(Duration.ofMillis(pauseMillis));
        assertThat(checks.refusesEarlyTalkers(InetAddress.getByName(client))).isEqualTo(refuses);
    }
}
