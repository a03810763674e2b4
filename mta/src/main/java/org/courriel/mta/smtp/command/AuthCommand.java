package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.courriel.access.auth.SaslPlain;
import org.courriel.access.auth.ScramLogin;
import org.courriel.access.auth.ScramSha256Server;
import org.courriel.access.net.LineTooLongException;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.session.Authenticator;
import org.courriel.mta.smtp.session.SessionState;
import org.courriel.mta.smtp.session.CommandSession;
import org.courriel.mta.smtp.session.SmtpCommand;
import org.courriel.mta.smtp.syntax.AuthArguments;
import org.courriel.mta.smtp.syntax.AuthRequest;
import org.courriel.store.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 4954 AUTH with the PLAIN (RFC 4616), LOGIN and SCRAM-SHA-256 (RFC 7677) mechanisms, on submission
 * listeners over TLS.
 * Failures are counted per client address and per account by the shared throttle; during its cool-down
 * the reply is 454 4.7.0 whatever the password, as it is while the database cannot be reached.
 */
public final class AuthCommand implements SmtpCommand {

    private static final Logger log = LoggerFactory.getLogger(AuthCommand.class);

    /** RFC 4954 §4: a server must accept AUTH lines of at least 12288 octets. */
    static final int MAX_AUTH_LINE = 12288;
    private static final String USERNAME_CHALLENGE = Base64.getEncoder().encodeToString("Username:".getBytes(StandardCharsets.US_ASCII));
    private static final String PASSWORD_CHALLENGE = Base64.getEncoder().encodeToString("Password:".getBytes(StandardCharsets.US_ASCII));

    /** The client sent "*" (RFC 4954 §4). */
    private static final class Cancelled extends Exception {
    }

    @Override
    public String verb() {
        return "AUTH";
    }

    @Override
    public Set<SessionState> validIn() {
        return EnumSet.of(SessionState.READY);
    }

    @Override
    public String sequenceHint(SessionState state) {
        return state == SessionState.CONNECTED ? "Send EHLO first" : "AUTH is not allowed during a mail transaction";
    }

    @Override
    public void execute(CommandSession session, String arguments) throws IOException {
        if (!session.context().kind().isSubmission()) {
            session.reply(Reply.NOT_IMPLEMENTED.with("AUTH is offered on the submission ports only"));
            return;
        }
        if (session.isAuthenticated()) {
            session.reply(Reply.BAD_SEQUENCE.with("Already authenticated")); // RFC 4954 §4
            return;
        }
        if (!session.authOffered()) {
            session.reply(Reply.ENCRYPTION_REQUIRED); // RFC 4954 §6
            return;
        }
        AuthRequest request = AuthArguments.parse(arguments);
        String initial = request.initialResponse();
        switch (request.mechanism()) {
            case "PLAIN", "LOGIN" -> password(session, request.mechanism(), initial);
            case ScramSha256Server.MECHANISM -> {
                Optional<ScramLogin> scram = session.context().authenticator().scram(session.channel().remoteAddress());
                if (scram.isEmpty()) {
                    session.reply(Reply.MECHANISM_UNSUPPORTED);
                } else {
                    scram(session, scram.get(), initial);
                }
            }
            default -> session.reply(Reply.MECHANISM_UNSUPPORTED);
        }
    }

    /** PLAIN (RFC 4616 §2: one response, authzid must be empty or the user) or LOGIN (two prompted responses). */
    private static void password(CommandSession session, String mechanism, String initial) throws IOException {
        SaslPlain.Credentials credentials = exchange(session, () -> mechanism.equals("PLAIN")
                ? SaslPlain.decode(initial != null ? initial : challenge(session, ""))
                : new SaslPlain.Credentials("", decode(initial != null ? initial : challenge(session, USERNAME_CHALLENGE)),
                        decode(challenge(session, PASSWORD_CHALLENGE))));
        if (credentials == null) {
            return;
        }
        if (!credentials.authorizationId().isEmpty()
                && !credentials.authorizationId().equalsIgnoreCase(credentials.username())) {
            fail(session, Reply.AUTH_FAILED); // no proxy authorization
            return;
        }
        conclude(session, () -> session.context().authenticator().authenticate(session.channel().remoteAddress(),
                credentials.username(), credentials.password()), null);
    }

    /**
     * RFC 7677 / RFC 5802 §5 over RFC 4954: client-first (initial response or after an empty 334), server-first
     * in a 334, client-final, and on success server-final in a last 334 whose answer must be empty.
     */
    private static void scram(CommandSession session, ScramLogin login, String initial) throws IOException {
        String clientFinal = exchange(session, () -> challenge(session,
                login.challenge(initial != null ? initial : challenge(session, ""))));
        if (clientFinal != null) {
            conclude(session, () -> Authenticator.outcome(login.respond(clientFinal)), login::serverFinal);
        }
    }

    /** One or more challenge/response rounds of a mechanism (RFC 4954 §4). */
    @FunctionalInterface
    private interface Exchange<T> {
        T run() throws IOException, Cancelled;
    }

    /**
     * Runs {@code exchange}; null when the client cancelled ("*"), sent too long a line or a malformed response,
     * each of which has been answered here (RFC 4954 §4: 501).
     */
    private static <T> T exchange(CommandSession session, Exchange<T> exchange) throws IOException {
        try {
            return exchange.run();
        } catch (Cancelled e) {
            session.reply(Reply.AUTH_CANCELLED);
        } catch (LineTooLongException e) {
            session.reply(Reply.LINE_TOO_LONG);
        } catch (IllegalArgumentException e) {
            session.reply(Reply.AUTH_BAD_RESPONSE);
        }
        return null;
    }

    /**
     * Replies to a checked attempt; on success {@code serverFinal}, when the mechanism has one, is sent first in a
     * 334 whose answer must be empty (RFC 4954 §4 additional data).
     */
    private static void conclude(CommandSession session, Supplier<Authenticator.Outcome> check,
            Supplier<String> serverFinal) throws IOException {
        Authenticator.Outcome outcome;
        try {
            outcome = check.get();
        } catch (IllegalArgumentException e) {
            session.reply(Reply.AUTH_BAD_RESPONSE); // a malformed last response (SCRAM client-final)
            return;
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.is(e)) {
                throw e;
            }
            // RFC 4954 §6: 454 4.7.0 "temporary authentication failure"; not the client's failure, not counted
            log.warn("Session {}: AUTH not checked, the database is unavailable: {}", session.id(),
                    DatabaseUnavailable.describe(e));
            session.reply(Reply.AUTH_TEMPORARY_FAILURE);
            return;
        }
        if (outcome instanceof Authenticator.Outcome.Success && serverFinal != null) {
            String answer = exchange(session, () -> challenge(session, serverFinal.get()));
            if (answer == null) {
                return;
            }
            if (!answer.isEmpty()) {
                session.reply(Reply.AUTH_BAD_RESPONSE);
                return;
            }
        }
        switch (outcome) {
            case Authenticator.Outcome.Success ok -> {
                session.authenticated(ok.accountId(), ok.address());
                session.reply(Reply.AUTHENTICATED);
            }
            case Authenticator.Outcome.Failure f -> fail(session, Reply.AUTH_FAILED);
            case Authenticator.Outcome.Throttled t -> fail(session, Reply.AUTH_THROTTLED);
        }
    }

    private static void fail(CommandSession session, Reply reply) throws IOException {
        session.context().metrics().authFailure();
        session.reply(reply);
    }

    /** Sends a 334 challenge and reads the client's response line (RFC 4954 §4). */
    private static String challenge(CommandSession session, String challenge) throws IOException, Cancelled {
        session.reply(Reply.AUTH_CHALLENGE.with(challenge));
        session.flush();
        // like a command line, the response must arrive whole within the command timeout
        session.channel().readDeadline(session.context().properties().commandTimeout(), 0, false);
        byte[] line = session.channel().readLine(MAX_AUTH_LINE);
        session.channel().clearReadDeadline();
        if (line == null) {
            throw new java.io.EOFException("connection closed during AUTH");
        }
        String response = new String(line, StandardCharsets.US_ASCII).strip();
        if (response.equals("*")) {
            throw new Cancelled();
        }
        return response;
    }

    private static String decode(String base64) {
        String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty response");
        }
        return text;
    }
}
