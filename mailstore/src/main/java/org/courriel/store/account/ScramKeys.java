package org.courriel.store.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What SCRAM-SHA-256 (RFC 7677, RFC 5802 §3) stores of a password: the salt, the iteration count, StoredKey and
 * ServerKey. Neither key lets one log in: the client proof needs ClientKey, of which StoredKey is the hash.
 *
 * @param salt       random, 16 bytes when derived here
 * @param iterations the PBKDF2 iteration count {@code i}
 * @param storedKey  H(ClientKey)
 * @param serverKey  HMAC(SaltedPassword, "Server Key")
 */
public record ScramKeys(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fresh keys of a password, with a new random salt. */
    public static ScramKeys derive(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return derive(password, salt, iterations);
    }

    /** RFC 5802 §3: SaltedPassword := Hi(Normalize(password), salt, i), then the two keys. */
    public static ScramKeys derive(String password, byte[] salt, int iterations) {
        byte[] salted = hi(normalize(password), salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        return new ScramKeys(salt, iterations, sha256(clientKey), serverKey);
    }

    /**
     * RFC 5802 §2.2 Normalize: SASLprep (RFC 4013) of the password. This is its common part: non-ASCII spaces
     * map to SPACE, the "commonly mapped to nothing" characters (soft hyphen, zero-width joiners, variation
     * selectors...) are dropped, then NFKC. The prohibited-output and bidi checks are left out: a password
     * that would fail them is simply derived as it is, the same way at every login.
     */
    static String normalize(String password) {
        StringBuilder out = new StringBuilder(password.length());
        password.codePoints().forEach(c -> {
            if (c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || c == 0x200B
                    || c == 0x200C || c == 0x200D || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF) {
                return;
            }
            out.appendCodePoint(c != ' ' && Character.isSpaceChar(c) ? ' ' : c);
        });
        return Normalizer.normalize(out, Normalizer.Form.NFKC);
    }

    /** Hi() of RFC 5802 §2.2 is PBKDF2 (RFC 8018) with HMAC-SHA-256 and one block of output. */
    private static byte[] hi(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramKeys k && iterations == k.iterations && Arrays.equals(salt, k.salt)
                && Arrays.equals(storedKey, k.storedKey) && Arrays.equals(serverKey, k.serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(storedKey);
    }

    @Override
    public String toString() {
        return "ScramKeys[iterations=" + iterations + "]";
    }
}
