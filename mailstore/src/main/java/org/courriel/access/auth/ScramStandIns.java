package org.courriel.access.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.courriel.store.account.ScramKeys;

/**
 * SCRAM keys for a user name that has none: the salt stays the same for one name as long as the process runs,
 * as a real account's would, and no proof matches them. Also draws the server's nonces.
 */
final class ScramStandIns {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 4096;

    private final byte[] secret = new byte[32];

    ScramStandIns() {
        RANDOM.nextBytes(secret);
    }

    ScramKeys keys(String username) {
        byte[] name = LoginName.of(username).key().getBytes(StandardCharsets.UTF_8);
        byte[] salt = Arrays.copyOf(ScramKeys.hmac(secret, name), 16);
        byte[] unusable = new byte[32];
        RANDOM.nextBytes(unusable);
        return new ScramKeys(salt, ITERATIONS, unusable, unusable);
    }

    /** 18 random octets, base64: printable and without commas (RFC 5802 §7 nonce). */
    static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
