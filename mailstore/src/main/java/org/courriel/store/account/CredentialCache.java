package org.courriel.store.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Successful password checks of this process, so that bcrypt runs once per client and period, not once per
 * login. The key is an HMAC-SHA256 of address and password under a secret drawn at start and never stored:
 * neither the password nor an offline-attackable hash of it is kept. The value is the stored hash the password
 * was verified against; a hit counts only while the account still has that very hash, which the caller reads
 * from the database anyway, so a password set on any node invalidates every node's entry at once and no state
 * needs to cross nodes. Failures are never remembered.
 */
final class CredentialCache {

    private final Cache<String, String> entries;
    private final SecretKeySpec key;
    private final boolean enabled;

    CredentialCache(Duration ttl, int maxEntries) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.enabled = !ttl.isZero() && maxEntries > 0;
        this.entries = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofSeconds(1))
                .maximumSize(Math.max(maxEntries, 0)).build();
    }

    /** Whether these credentials were verified recently against the account's current stored hash. */
    boolean verified(String address, String password, String storedHash) {
        if (!enabled) {
            return false;
        }
        String remembered = entries.getIfPresent(hash(address, password));
        return remembered != null && MessageDigest.isEqual(remembered.getBytes(StandardCharsets.UTF_8),
                storedHash.getBytes(StandardCharsets.UTF_8));
    }

    /** Remembers a successful check against {@code storedHash}. */
    void remember(String address, String password, String storedHash) {
        if (enabled) {
            entries.put(hash(address, password), storedHash);
        }
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private String hash(String address, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(address.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
