package org.courriel.store.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.courriel.store.account.ScramKeys;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802 §3), for tests that log in with it over a real connection:
 * {@link #first}, then {@link #last} of the server's first message, then {@link #verifies} of its final one.
 * Messages are base64, as the protocols carry them.
 */
public final class ScramClient {

    private final String username;
    private final String password;
    private final String gs2Header;
    private final String nonce;
    private String bare;
    private byte[] expectedServerSignature;

    public ScramClient(String username, String password) {
        this(username, password, "n,,", "fyko+d2lbbFgONRv9qkxdawL");
    }

    public ScramClient(String username, String password, String gs2Header, String nonce) {
        this.username = username;
        this.password = password;
        this.gs2Header = gs2Header;
        this.nonce = nonce;
    }

    public String first() {
        bare = "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + nonce;
        return b64(gs2Header + bare);
    }

    public String last(String serverFirstBase64) {
        String serverFirst = new String(Base64.getDecoder().decode(serverFirstBase64), StandardCharsets.UTF_8);
        String combined = null;
        byte[] salt = null;
        int iterations = 0;
        for (String attribute : serverFirst.split(",")) {
            switch (attribute.charAt(0)) {
                case 'r' -> combined = attribute.substring(2);
                case 's' -> salt = Base64.getDecoder().decode(attribute.substring(2));
                case 'i' -> iterations = Integer.parseInt(attribute.substring(2));
                default -> { }
            }
        }
        if (combined == null || !combined.startsWith(nonce)) {
            throw new IllegalStateException("the server's nonce does not extend ours: " + serverFirst);
        }
        String withoutProof = "c=" + b64(gs2Header) + ",r=" + combined;
        byte[] authMessage = (bare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        ScramKeys keys = ScramKeys.derive(password, salt, iterations);
        byte[] signature = ScramKeys.hmac(keys.storedKey(), authMessage);
        byte[] clientKey = clientKey(password, salt, iterations);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        expectedServerSignature = ScramKeys.hmac(keys.serverKey(), authMessage);
        return b64(withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof));
    }

    /** Whether the server's final message proves it knows ServerKey (RFC 5802 §3). */
    public boolean verifies(String serverFinalBase64) {
        String serverFinal = new String(Base64.getDecoder().decode(serverFinalBase64), StandardCharsets.UTF_8);
        return serverFinal.equals("v=" + Base64.getEncoder().encodeToString(expectedServerSignature));
    }

    /** ClientKey := HMAC(SaltedPassword, "Client Key"); ScramKeys keeps only its hash, so it is redone here. */
    private static byte[] clientKey(String password, byte[] salt, int iterations) {
        try {
            var spec = new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            byte[] salted = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
                    .getEncoded();
            return ScramKeys.hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
