package org.courriel.store.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passwords are checked and what is stored of them ({@code courriel.auth.credentials.*}), for every
 * protocol alike. Changes take effect on restart.
 *
 * @param cacheTtl         how long a successful password check is remembered in this process (keyed by an HMAC
 *                         of address and password under a key drawn at start), so that bcrypt runs once per
 *                         client and period rather than once per login; a hit counts only while the account's
 *                         stored hash is still the one it was checked against, so a password change on any
 *                         node applies at once. {@code 0s} turns the cache off
 * @param cacheSize        most remembered checks; past it the least recently used are forgotten
 * @param scramIterations  PBKDF2 iteration count of the SCRAM-SHA-256 keys derived when a password is set, and of
 *                         the stand-in keys shown for names of no account
 *                         (RFC 7677 §4: at least 4096)
 */
@ConfigurationProperties("courriel.auth.credentials")
public record CredentialProperties(
        @DefaultValue("60s") Duration cacheTtl,
        @DefaultValue("10000") int cacheSize,
        @DefaultValue("4096") int scramIterations) {

    public CredentialProperties {
        if (cacheTtl.isNegative() || cacheSize < 0) {
            throw new IllegalArgumentException("courriel.auth.credentials: cache-ttl and cache-size must not be negative");
        }
        if (scramIterations < 4096) {
            throw new IllegalArgumentException("courriel.auth.credentials.scram-iterations must be at least 4096 (RFC 7677 §4)");
        }
    }
}
