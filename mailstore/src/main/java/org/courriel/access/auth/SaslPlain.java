package org.courriel.access.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The PLAIN SASL mechanism (RFC 4616 §2): {@code [authzid] NUL authcid NUL passwd}, UTF-8, base64 on the wire.
 */
public final class SaslPlain {

    /** The decoded message. An empty authorization identity means "act as authcid". */
    public record Credentials(String authorizationId, String username, String password) {
    }

    private SaslPlain() {
    }

    /**
     * Decodes the client's base64 response.
     *
     * @throws IllegalArgumentException when it is not base64 or not three NUL-separated fields
     */
    public static Credentials decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        String message = new String(bytes, StandardCharsets.UTF_8);
        int first = message.indexOf('\0');
        int second = first < 0 ? -1 : message.indexOf('\0', first + 1);
        if (first < 0 || second < 0 || message.indexOf('\0', second + 1) >= 0) {
            throw new IllegalArgumentException("PLAIN needs authzid NUL authcid NUL passwd");
        }
        String authzid = message.substring(0, first);
        String authcid = message.substring(first + 1, second);
        String password = message.substring(second + 1);
        if (authcid.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("PLAIN needs a user name and a password");
        }
        return new Credentials(authzid, authcid, password);
    }
}
