package org.courriel.imap.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.SaslPlain;
import org.courriel.access.auth.ScramException;
import org.courriel.access.auth.ScramLogin;
import org.courriel.access.auth.ScramSha256Server;
import org.courriel.imap.session.Capabilities;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/**
 * AUTHENTICATE (RFC 9051 §6.2.2) with the PLAIN (RFC 4616) and SCRAM-SHA-256 (RFC 7677) mechanisms and an
 * optional initial response (RFC 4959 SASL-IR). Each client response is one line, bounded by the session's
 * line limit before authentication.
 */
public final class AuthenticateCommand implements ImapCommand<AuthenticateCommand.Request> {

    /** The mechanism and the initial response, null when the client sent none. */
    public record Request(String mechanism, String initialResponse) {
        @Override
        public String toString() {
            return "Request[mechanism=" + mechanism + "]";
        }
    }

    @Override
    public String name() {
        return "AUTHENTICATE";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.NOT_AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        String mechanism = args.atom().toUpperCase(Locale.ROOT);
        String initial = null;
        if (args.skip(' ')) {
            initial = args.token(" ");
        }
        args.end();
        return new Request(mechanism, initial);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        boolean scram = request.mechanism().equals(ScramSha256Server.MECHANISM);
        if (!request.mechanism().equals("PLAIN") && !scram) {
            return Completion.no(ResponseCode.CANNOT, "Supported mechanisms: PLAIN, SCRAM-SHA-256");
        }
        if (!session.loginAllowed()) {
            return Completion.no(ResponseCode.PRIVACYREQUIRED, "Use STARTTLS or the implicit-TLS port first");
        }
        String response = request.initialResponse();
        if (response == null) {
            response = challenge(session, "");
        }
        // RFC 9051 §6.2.2: "*" cancels the exchange
        if (response == null || response.equals("*")) {
            return cancelled(session, response);
        }
        if (scram) {
            return scram(session, response.equals("=") ? "" : response);
        }
        SaslPlain.Credentials credentials;
        try {
            credentials = SaslPlain.decode(response.equals("=") ? "" : response);
        } catch (IllegalArgumentException e) {
            return Completion.bad("Malformed PLAIN response");
        }
        if (!credentials.authorizationId().isEmpty()
                && !credentials.authorizationId().equalsIgnoreCase(credentials.username())) {
            return Completion.no(ResponseCode.AUTHENTICATIONFAILED, "Authorization identity must be the user");
        }
        return LoginCommand.login(session, credentials.username(), credentials.password());
    }

    /** RFC 7677 / RFC 5802 §5: client-first (already read), server-first, client-final, server-final. */
    private static Completion scram(ImapSession session, String clientFirst) {
        ScramLogin login = session.context().loginGuard().scram(session.connection().remoteAddress());
        LoginResult result;
        try {
            String clientFinal = challenge(session, login.challenge(clientFirst));
            if (clientFinal == null || clientFinal.equals("*")) {
                return cancelled(session, clientFinal);
            }
            result = login.respond(clientFinal);
        } catch (ScramException e) {
            return Completion.bad("Malformed SCRAM-SHA-256 message: " + e.getMessage());
        }
        if (!(result instanceof LoginResult.Success success)) {
            return Completion.no(ResponseCode.AUTHENTICATIONFAILED, "Authentication failed");
        }
        // RFC 9051 §6.2.2: server-final goes in a last challenge, to which the client answers an empty line
        String last = challenge(session, login.serverFinal());
        if (last == null || !last.isEmpty()) {
            return cancelled(session, last);
        }
        session.authenticated(success.account());
        return Completion.ok(ResponseCode.CAPABILITY.with(Capabilities.of(session)), "Logged in");
    }

    /** Sends a continuation with base64 data and reads the client's answer; null when the client went away. */
    private static String challenge(ImapSession session, String base64) {
        session.out().continuation(base64);
        try {
            return session.readResponseLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Completion cancelled(ImapSession session, String response) {
        if (response == null) {
            session.logout();
            return Completion.bad("Connection closed during authentication");
        }
        return Completion.bad("Authentication cancelled");
    }
}
