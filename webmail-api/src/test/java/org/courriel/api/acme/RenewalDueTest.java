package org.courriel.api.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.courriel.store.acme.AcmeCertificate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalDueTest {

    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    @ParameterizedTest(name = "expires in {0} days, covers {1}: due {2}")
    @CsvSource({
            "89, a.test b.test, false",
            "31, a.test b.test, false",
            "30, a.test b.test, true",
            "1, a.test b.test, true",
            "-5, a.test b.test, true",
            "89, a.test, true"})
    void renewsWhenExpiringWithinTheMarginOrWhenANameIsMissing(int days, String covered, boolean due) {
        AcmeCertificate stored = new AcmeCertificate(List.of(covered.split(" ")), "key", "chain",
                NOW.plus(Duration.ofDays(days)), NOW.minus(Duration.ofDays(1)));
        assertThat(AcmeRenewal.due(Optional.of(stored), List.of("a.test", "b.test"), NOW, RENEW_BEFORE)).isEqualTo(due);
    }

    @ParameterizedTest(name = "none stored: due")
    @CsvSource("a.test")
    void renewsWhenNoneIsStored(String name) {
        assertThat(AcmeRenewal.due(Optional.empty(), List.of(name), NOW, RENEW_BEFORE)).isTrue();
    }
}
