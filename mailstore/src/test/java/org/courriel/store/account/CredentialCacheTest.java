package org.courriel.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private final CredentialCache cache = new CredentialCache(Duration.ofMinutes(1), 100);

    @Test
    void aRememberedCheckCountsOnlyAgainstTheSameStoredHash() {
        cache.remember("bob@example.org", "secret one", "{bcrypt}A");

        assertThat(cache.verified("bob@example.org", "secret one", "{bcrypt}A")).isTrue();
        assertThat(cache.verified("bob@example.org", "secret one", "{bcrypt}B")).isFalse();
        assertThat(cache.verified("bob@example.org", "secret two", "{bcrypt}A")).isFalse();
        assertThat(cache.verified("eve@example.org", "secret one", "{bcrypt}A")).isFalse();
    }

    @Test
    void addressAndPasswordCannotBeShiftedIntoEachOther() {
        cache.remember("bob@example.org", "xsecret", "{bcrypt}A");

        assertThat(cache.verified("bob@example.orgx", "secret", "{bcrypt}A")).isFalse();
    }

    @Test
    void aZeroTtlRemembersNothing() {
        CredentialCache off = new CredentialCache(Duration.ZERO, 100);
        off.remember("bob@example.org", "secret one", "{bcrypt}A");

        assertThat(off.verified("bob@example.org", "secret one", "{bcrypt}A")).isFalse();
        assertThat(off.size()).isZero();
    }

    @Test
    void theSizeIsBounded() {
        CredentialCache small = new CredentialCache(Duration.ofMinutes(1), 10);
        for (int i = 0; i < 100; i++) {
            small.remember("user" + i + "@example.org", "password", "{bcrypt}A");
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }
}
