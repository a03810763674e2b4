package org.courriel.pop3.command;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.SaslPlain;
import org.courriel.access.auth.ScramException;
import org.courriel.access.auth.ScramLogin;
import org.courriel.access.auth.ScramSha256Server;
import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.protocol.ResponseCode;
import org.courriel.pop3.session.Pop3Refusal;
import org.courriel.pop3.session.Pop3Command;
import org.courriel.pop3.session.Pop3Session;
import org.courriel.pop3.session.Pop3State;

/**
 * AUTH (RFC 5034) with the PLAIN (RFC 4616) and SCRAM-SHA-256 (RFC 7677) mechanisms. The initial response may
 * come on the command line ("=" for an empty one, RFC 5034 §4); otherwise the server sends an empty challenge
 * and reads one line, "*" cancelling. Each response line is bounded by the session's line limit.
 */
final class AuthCommand extends Pop3Command {

    AuthCommand() {
        super("AUTH", Set.of(Pop3State.AUTHORIZATION), 1, 2);
    }

    @Override
    public void run(Pop3Session session, Pop3Request request) throws IOException {
        String mechanism = request.arguments().getFirst().toUpperCase(Locale.ROOT);
        boolean scram = mechanism.equals(ScramSha256Server.MECHANISM);
        if (!mechanism.equals("PLAIN") && !scram) {
            throw new Pop3Refusal("Unsupported mechanism; CAPA lists them");
        }
        if (!session.loginAllowed()) {
            throw new Pop3Refusal("Plaintext login is disabled without TLS: use STLS first"); // RFC 2595 §2.2
        }
        String response;
        if (request.arguments().size() == 2) {
            response = request.arguments().get(1).equals("=") ? "" : request.arguments().get(1);
        } else {
            response = challenge(session, "");
        }
        if (scram) {
            scram(session, response);
            return;
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

    /** RFC 7677 / RFC 5802 §5: server-first, client-final, then server-final in a last challenge (RFC 5034 §4). */
    private static void scram(Pop3Session session, String clientFirst) throws IOException {
        ScramLogin login = session.scram();
        LoginResult result;
        try {
            result = login.respond(challenge(session, login.challenge(clientFirst)));
        } catch (ScramException e) {
            throw new Pop3Refusal("Malformed SCRAM-SHA-256 message");
        }
        if (result instanceof LoginResult.Success && !challenge(session, login.serverFinal()).isEmpty()) {
            throw new Pop3Refusal("The answer to the server's final message must be empty");
        }
        session.login(result);
        session.reply().ok("Logged in");
    }

    /** Sends a challenge and reads the answer; "*" cancels (RFC 5034 §4). */
    private static String challenge(Pop3Session session, String base64) throws IOException {
        session.reply().challenge(base64);
        session.reply().flush();
        String response = session.readResponseLine();
        if (response == null) {
            throw new IOException("end of stream during AUTH");
        }
        if (response.equals("*")) {
            throw new Pop3Refusal("Authentication cancelled");
        }
        return response;
    }
}
