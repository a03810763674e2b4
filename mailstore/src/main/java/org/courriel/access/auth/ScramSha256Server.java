package org.courriel.access.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.courriel.store.account.ScramKeys;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 7677, RFC 5802 §5): client-first, server-first,
 * client-final, then a verdict with server-final. Pure: the keys come from a function, the nonce from a
 * supplier, so that the RFC's example exchange runs as a table test.
 * <p>
 * A user without keys (unknown, disabled, or whose password was set before keys were stored) gets a salt and
 * iteration count all the same, from {@code unknown}, and then fails the proof as a wrong password would, so
 * the exchange does not tell whether an account exists (RFC 5802 §9).
 */
public final class ScramSha256Server {

    public static final String MECHANISM = "SCRAM-SHA-256";

    /** The outcome of the client's final message. */
    public record Verdict(boolean verified, String serverFinal) {
    }

    private final Function<String, Optional<ScramKeys>> keys;
    private final Function<String, ScramKeys> unknown;
    private final Supplier<String> serverNonce;
    private ScramMessages.ClientFirst first;
    private String serverFirst;
    private ScramKeys userKeys;
    private boolean known;
    private boolean done;

    /**
     * @param keys        the stored keys of a user name
     * @param unknown     stand-in keys for a user name without any (never matching a proof)
     * @param serverNonce the server's part of the nonce, printable and without commas
     */
    public ScramSha256Server(Function<String, Optional<ScramKeys>> keys, Function<String, ScramKeys> unknown,
            Supplier<String> serverNonce) {
        this.keys = keys;
        this.unknown = unknown;
        this.serverNonce = serverNonce;
    }

    /** The user name the client gave, once client-first was read. */
    public String username() {
        return first == null ? null : first.username();
    }

    /** RFC 5802 §5.1: reads client-first, answers server-first. */
    public String serverFirst(String clientFirst) {
        if (first != null) {
            throw new IllegalStateException("client-first was read already");
        }
        first = ScramMessages.clientFirst(clientFirst);
        Optional<ScramKeys> stored = keys.apply(first.username());
        known = stored.isPresent();
        userKeys = stored.orElseGet(() -> unknown.apply(first.username()));
        serverFirst = ScramMessages.serverFirst(first.nonce() + serverNonce.get(), userKeys.salt(),
                userKeys.iterations());
        return serverFirst;
    }

    /** RFC 5802 §5.1 and §3: reads client-final, checks channel binding, nonce and proof. */
    public Verdict clientFinal(String clientFinal) {
        if (first == null || done) {
            throw new IllegalStateException("client-final out of order");
        }
        done = true;
        ScramMessages.ClientFinal last = ScramMessages.clientFinal(clientFinal);
        // RFC 5802 §7: c= carries the gs2 header (and no channel-binding data for "n" and "y")
        if (!Arrays.equals(last.channelBinding(), first.gs2Header().getBytes(StandardCharsets.UTF_8))) {
            return new Verdict(false, "e=channel-bindings-dont-match");
        }
        if (!last.nonce().equals(serverFirst.substring(2, serverFirst.indexOf(',')))) {
            return new Verdict(false, "e=other-error");
        }
        // No proxy authorization: an authzid, if any, must name the user itself.
        if (!first.authzid().isEmpty() && !first.authzid().equalsIgnoreCase(first.username())) {
            return new Verdict(false, "e=invalid-proof");
        }
        byte[] authMessage = (first.bare() + "," + serverFirst + "," + last.withoutProof())
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = ScramKeys.hmac(userKeys.storedKey(), authMessage);
        byte[] clientKey = new byte[clientSignature.length];
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] = (byte) (last.proof()[i] ^ clientSignature[i]);
        }
        boolean matches = MessageDigest.isEqual(ScramKeys.sha256(clientKey), userKeys.storedKey());
        if (!matches || !known) {
            return new Verdict(false, "e=invalid-proof");
        }
        return new Verdict(true, ScramMessages.serverFinal(ScramKeys.hmac(userKeys.serverKey(), authMessage)));
    }
}
