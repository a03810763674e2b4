package org.courriel.access.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The SCRAM messages of RFC 5802 §7, parsed from and written to text; pure. A message that breaks the grammar
 * throws {@link ScramException}: the protocol answers it as a syntax error.
 */
public final class ScramMessages {

    /** Longest client message accepted, before authentication: real ones are well under 200 octets. */
    public static final int MAX_MESSAGE = 2048;

    /**
     * client-first-message = gs2-header client-first-message-bare.
     *
     * @param gs2Header the header as sent ({@code n,,}, {@code y,,} or with {@code a=}), echoed in {@code c=}
     * @param authzid   the authorization identity, empty when none
     * @param bare      client-first-message-bare as sent, part of AuthMessage
     * @param username  the decoded {@code n=} value
     * @param nonce     the client's nonce
     */
    public record ClientFirst(String gs2Header, String authzid, String bare, String username, String nonce) {
    }

    /**
     * client-final-message.
     *
     * @param withoutProof  client-final-message-without-proof as sent, part of AuthMessage
     * @param channelBinding the decoded {@code c=} value
     * @param nonce         the combined nonce
     * @param proof         the decoded ClientProof
     */
    public record ClientFinal(String withoutProof, byte[] channelBinding, String nonce, byte[] proof) {
    }

    private ScramMessages() {
    }

    /** RFC 5802 §7 client-first-message; channel binding ({@code p=}) is refused: no -PLUS is offered. */
    public static ClientFirst clientFirst(String message) {
        bounded(message);
        // gs2-header = gs2-cbind-flag "," [ authzid ] ","
        int comma1 = message.indexOf(',');
        int comma2 = comma1 < 0 ? -1 : message.indexOf(',', comma1 + 1);
        if (comma2 < 0) {
            throw new ScramException("no gs2 header");
        }
        String flag = message.substring(0, comma1);
        if (flag.startsWith("p=")) {
            // RFC 5802 §6: the client wants channel binding, which this server does not offer
            throw new ScramException("channel binding is not supported");
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            throw new ScramException("bad gs2-cbind-flag");
        }
        String authzid = message.substring(comma1 + 1, comma2);
        if (!authzid.isEmpty()) {
            if (!authzid.startsWith("a=")) {
                throw new ScramException("bad authzid");
            }
            authzid = saslname(authzid.substring(2));
        }
        String gs2Header = message.substring(0, comma2 + 1);
        String bare = message.substring(comma2 + 1);
        String[] attributes = bare.split(",", -1);
        // RFC 5802 §5.1: a mandatory extension (m=) this server does not know fails the exchange
        if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=")) {
            throw new ScramException("client-first-message-bare needs n= and r=");
        }
        String username = saslname(attributes[0].substring(2));
        String nonce = attributes[1].substring(2);
        if (username.isEmpty()) {
            throw new ScramException("empty user name");
        }
        checkNonce(nonce);
        for (int i = 2; i < attributes.length; i++) {
            extension(attributes[i]);
        }
        return new ClientFirst(gs2Header, authzid, bare, username, nonce);
    }

    /** RFC 5802 §7 server-first-message: {@code r=nonce,s=salt,i=iterations}. */
    public static String serverFirst(String nonce, byte[] salt, int iterations) {
        return "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
    }

    /** RFC 5802 §7 client-final-message: {@code c=...,r=...[,ext],p=...}. */
    public static ClientFinal clientFinal(String message) {
        bounded(message);
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new ScramException("no proof");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attributes = withoutProof.split(",", -1);
        if (attributes.length < 2 || !attributes[0].startsWith("c=") || !attributes[1].startsWith("r=")) {
            throw new ScramException("client-final-message needs c= and r=");
        }
        for (int i = 2; i < attributes.length; i++) {
            extension(attributes[i]);
        }
        String nonce = attributes[1].substring(2);
        checkNonce(nonce);
        byte[] binding = base64(attributes[0].substring(2));
        byte[] proof = base64(message.substring(proofAt + 3));
        if (proof.length != 32) {
            throw new ScramException("a SHA-256 proof has 32 octets");
        }
        return new ClientFinal(withoutProof, binding, nonce, proof);
    }

    /** RFC 5802 §7 server-final-message with a verifier. */
    public static String serverFinal(byte[] serverSignature) {
        return "v=" + Base64.getEncoder().encodeToString(serverSignature);
    }

    /** RFC 5802 §7: saslname uses =2C for ',' and =3D for '='; any other '=' is an error. */
    static String saslname(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '=') {
                if (value.startsWith("=2C", i)) {
                    out.append(',');
                } else if (value.startsWith("=3D", i)) {
                    out.append('=');
                } else {
                    throw new ScramException("bad escape in saslname");
                }
                i += 2;
            } else if (c == ',' || c == 0) {
                throw new ScramException("bad character in saslname");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** RFC 5802 §7: printable = %x21-2B / %x2D-7E (no comma). */
    private static void checkNonce(String nonce) {
        if (nonce.isEmpty()) {
            throw new ScramException("empty nonce");
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                throw new ScramException("bad character in nonce");
            }
        }
    }

    /** An optional extension (RFC 5802 §7 attr-val) is ignored; a mandatory one ({@code m=}) is refused. */
    private static void extension(String attribute) {
        if (attribute.length() < 2 || attribute.charAt(1) != '=' || !Character.isLetter(attribute.charAt(0))) {
            throw new ScramException("bad attribute");
        }
        if (attribute.charAt(0) == 'm') {
            throw new ScramException("mandatory extensions are not supported");
        }
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ScramException("bad base64");
        }
    }

    private static void bounded(String message) {
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE) {
            throw new ScramException("message too long");
        }
    }
}
