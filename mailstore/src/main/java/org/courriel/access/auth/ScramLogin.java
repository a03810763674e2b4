package org.courriel.access.auth;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.courriel.store.account.AccountInfo;

/**
 * One SCRAM-SHA-256 login over a protocol's SASL exchange (IMAP AUTHENTICATE, SMTP AUTH, POP3 AUTH), on the
 * base64 text the protocols carry: {@link #challenge} answers the client's first message, {@link #respond}
 * checks its final one, throttled and counted by {@link LoginService} like a password login. On success the
 * protocol sends {@link #serverFinal} as a last challenge (RFC 5802 §5.1: the client must verify the server
 * too), reads the client's empty answer and then says OK.
 */
public final class ScramLogin {

    private final LoginService logins;
    private final String protocol;
    private final InetAddress client;
    private final ScramSha256Server server;
    private String serverFinal;

    ScramLogin(LoginService logins, String protocol, InetAddress client, ScramSha256Server server) {
        this.logins = logins;
        this.protocol = protocol;
        this.client = client;
        this.server = server;
    }

    /**
     * The server-first-message for the client's first one, both base64.
     *
     * @throws ScramException when the client's message is not base64 or not a client-first-message
     */
    public String challenge(String clientFirstBase64) {
        return encode(server.serverFirst(decode(clientFirstBase64)));
    }

    /**
     * Checks the client's final message (base64).
     *
     * @throws ScramException when it is not base64 or not a client-final-message (nothing is counted)
     */
    public LoginResult respond(String clientFinalBase64) {
        String message = decode(clientFinalBase64);
        return logins.check(protocol, client, server.username(), address -> {
            ScramSha256Server.Verdict verdict = server.clientFinal(message);
            if (!verdict.verified()) {
                return Optional.empty();
            }
            serverFinal = encode(verdict.serverFinal());
            return logins.account(address).filter(AccountInfo::enabled);
        });
    }

    /** The base64 server-final-message of a successful exchange. */
    public String serverFinal() {
        if (serverFinal == null) {
            throw new IllegalStateException("no successful exchange");
        }
        return serverFinal;
    }

    private static String decode(String base64) {
        if (base64.length() > ScramMessages.MAX_MESSAGE * 4 / 3 + 4) {
            throw new ScramException("message too long");
        }
        try {
            return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ScramException("bad base64");
        }
    }

    private static String encode(String message) {
        return Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }
}
