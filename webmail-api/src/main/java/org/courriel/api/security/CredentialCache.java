package org.courriel.api.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers successful authentications for a short time so that bcrypt runs once per client and period,
 * not once per request. The key is an HMAC-SHA256 of address and password under a key drawn at start and
 * never stored: neither the password nor an offline-attackable hash of it is kept.
 */
final class CredentialCache {

    private record Entry(long accountId, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    CredentialCache(Duration ttl, int maxEntries, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The account these credentials authenticated recently, if any. */
    Optional<Long> find(String address, String password) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        String k = hash(address, password);
        Entry e = entries.get(k);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expires())) {
            entries.remove(k, e);
            return Optional.empty();
        }
        return Optional.of(e.accountId());
    }

    void remember(String address, String password, long accountId) {
        if (ttl.isZero() || maxEntries <= 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evictExpired();
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(hash(address, password), new Entry(accountId, clock.instant().plus(ttl)));
    }

    int size() {
        return entries.size();
    }

    private void evictExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.expires()));
    }

    private String hash(String address, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(address.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
