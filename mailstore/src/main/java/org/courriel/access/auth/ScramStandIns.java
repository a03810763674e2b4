package org.courriel.access.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

import org.courriel.store.account.ScramKeys;

/**
 * SCRAM keys for a user name that has none, which must not tell it from an account (RFC 5802 §9): the iteration
 * count is the one real accounts get, and the salt is an HMAC of the name under a secret the whole cluster
 * shares and keeps across restarts, so one name shows the same salt on every node and for good, as a real
 * account's does. No proof matches them. Also draws the server's nonces.
 */
final class ScramStandIns {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final Supplier<byte[]> secretSource;
    private volatile byte[] secret;

    /**
     * @param iterations the count real accounts' keys are derived with ({@code courriel.auth.credentials.scram-iterations})
     * @param secret     the cluster's stand-in secret, read on first use (it never changes)
     */
    ScramStandIns(int iterations, Supplier<byte[]> secret) {
        this.iterations = iterations;
        this.secretSource = secret;
    }

    ScramKeys keys(String username) {
        byte[] name = LoginName.of(username).key().getBytes(StandardCharsets.UTF_8);
        byte[] salt = Arrays.copyOf(ScramKeys.hmac(secret(), name), 16);
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable);
        return new ScramKeys(salt, iterations, unusable, unusable);
    }

    private byte[] secret() {
        byte[] s = secret;
        if (s == null) {
            s = secretSource.get();
            secret = s;
        }
        return s;
    }

    /** 18 random octets, base64: printable and without commas (RFC 5802 §7 nonce). */
    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
