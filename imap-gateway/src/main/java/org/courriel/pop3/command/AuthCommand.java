package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.courriel.access.auth.SaslPlain;
import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.protocol.ResponseCode;
import org.courriel.pop3.session.Pop3Refusal;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/**
 * AUTH (RFC 5034) with the PLAIN mechanism (RFC 4616), the only one the store's password hashes allow (IMAP
 * offers no SCRAM either). The initial response may come on the command line ("=" for an empty one, RFC 5034
 * §4); otherwise the server sends an empty challenge and reads one line, "*" cancelling.
 */
final class AuthCommand extends Pop3Command {

    AuthCommand() {
        super("AUTH", Set.of(Pop3State.AUTHORIZATION), 1, 2);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        String mechanism = request.arguments().getFirst().toUpperCase(Locale.ROOT);
        if (!mechanism.equals("PLAIN")) {
            throw new Pop3Refusal("Unsupported mechanism; CAPA lists them");
        }
        if (!session.loginAllowed()) {
            throw new Pop3Refusal("Plaintext login is disabled without TLS: use STLS first"); // RFC 2595 §2.2
        }
        String response;
        if (request.arguments().size() == 2) {
            response = request.arguments().get(1).equals("=") ? "" : request.arguments().get(1);
        } else {
            session.reply().challenge("");
            session.reply().flush();
            response = session.readResponseLine();
            if (response == null) {
                throw new IOException("end of stream during AUTH");
            }
        }
        if (response.equals("*")) {
            throw new Pop3Refusal("Authentication cancelled"); // RFC 5034 §4
        }
        SaslPlain.Credentials credentials;
        try {
            credentials = SaslPlain.decode(response);
        } catch (IllegalArgumentException e) {
            throw new Pop3Refusal("Malformed PLAIN response");
        }
        if (!credentials.authorizationId().isEmpty() && !credentials.authorizationId().equals(credentials.username())) {
            throw new Pop3Refusal(ResponseCode.AUTH, "Acting as another user is not allowed");
        }
        session.login(credentials.username(), credentials.password());
        session.reply().ok("Logged in");
    }
}
