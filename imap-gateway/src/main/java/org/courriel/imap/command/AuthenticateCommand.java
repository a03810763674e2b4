package org.courriel.imap.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.access.auth.SaslPlain;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/**
 * AUTHENTICATE (RFC 9051 §6.2.2) with the PLAIN mechanism (RFC 4616) and an optional initial response
 * (RFC 4959 SASL-IR).
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
        if (!request.mechanism().equals("PLAIN")) {
            return Completion.no(ResponseCode.CANNOT, "Only the PLAIN mechanism is supported");
        }
        if (!session.loginAllowed()) {
            return Completion.no(ResponseCode.PRIVACYREQUIRED, "Use STARTTLS or the implicit-TLS port first");
        }
        String response = request.initialResponse();
        if (response == null) {
            session.out().continuation("");
            try {
                response = session.readResponseLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (response == null) {
                session.logout();
                return Completion.bad("Connection closed during authentication");
            }
        }
        // RFC 9051 §6.2.2: "*" cancels the exchange
        if (response.equals("*")) {
            return Completion.bad("Authentication cancelled");
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
}
