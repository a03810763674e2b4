package org.courriel.sieve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The key a duplicate test's identifier is tracked under (RFC 7352 §3): a digest of handle and identifier. */
final class DuplicateKey {

    private DuplicateKey() {
    }

    /** SHA-256 of the handle, a NUL and the identifier, as 64 hex digits: bounded whatever the header held. */
    static String of(String handle, String id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((handle + "\0" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
