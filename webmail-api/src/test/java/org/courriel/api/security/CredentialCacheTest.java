package org.courriel.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    @Test
    void rememberedCredentialsExpireAndOnlyTheExactPairMatches() {
        RateLimiterTest.ManualClock clock = new RateLimiterTest.ManualClock();
        CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 10, clock);
        cache.remember("bob@example.org", "secret password", 7);
        assertThat(cache.find("bob@example.org", "secret password")).contains(7L);
        assertThat(cache.find("bob@example.org", "secret passwore")).isEmpty();
        assertThat(cache.find("bob@example.or", "gsecret password")).isEmpty();
        clock.now = clock.now.plusSeconds(60);
        assertThat(cache.find("bob@example.org", "secret password")).isEmpty();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 3, new RateLimiterTest.ManualClock());
        for (int i = 0; i < 10; i++) {
            cache.remember("user" + i + "@example.org", "password", i);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        assertThat(cache.find("user9@example.org", "password")).contains(9L);
    }

    @Test
    void aZeroTtlRemembersNothing() {
        CredentialCache cache = new CredentialCache(Duration.ZERO, 10, new RateLimiterTest.ManualClock());
        cache.remember("bob@example.org", "secret password", 7);
        assertThat(cache.find("bob@example.org", "secret password")).isEmpty();
    }
}
