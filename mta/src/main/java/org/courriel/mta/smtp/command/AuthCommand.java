package org.courriel.mta.smtp.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.courriel.access.auth.LoginResult;
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
        String username;
        String password;
        try {
            switch (request.mechanism()) {
                case "PLAIN" -> {
                    String response = initial != null ? initial : challenge(session, "");
                    SaslPlain.Credentials credentials = SaslPlain.decode(response);
                    if (!credentials.authorizationId().isEmpty()
                            && !credentials.authorizationId().equalsIgnoreCase(credentials.username())) {
                        fail(session, Reply.AUTH_FAILED); // no proxy authorization
                        return;
                    }
                    username = credentials.username();
                    password = credentials.password();
                }
                case "LOGIN" -> {
                    username = decode(initial != null ? initial : challenge(session, USERNAME_CHALLENGE));
                    password = decode(challenge(session, PASSWORD_CHALLENGE));
                }
                case ScramSha256Server.MECHANISM -> {
                    Optional<ScramLogin> scram = session.context().authenticator().scram(session.channel().remoteAddress());
                    if (scram.isEmpty()) {
                        session.reply(Reply.MECHANISM_UNSUPPORTED);
                        return;
                    }
                    scram(session, scram.get(), initial);
                    return;
                }
                default -> {
                    session.reply(Reply.MECHANISM_UNSUPPORTED);
                    return;
                }
            }
        } catch (Cancelled e) {
            session.reply(Reply.AUTH_CANCELLED);
            return;
        } catch (LineTooLongException e) {
            session.reply(Reply.LINE_TOO_LONG);
            return;
        } catch (IllegalArgumentException e) {
            session.reply(Reply.AUTH_BAD_RESPONSE);
            return;
        }
        String user = username;
        String pass = password;
        conclude(session, () -> session.context().authenticator().authenticate(session.channel().remoteAddress(), user, pass),
                null);
    }

    /**
     * RFC 7677 / RFC 5802 §5 over RFC 4954: client-first (initial response or after an empty 334), server-first
     * in a 334, client-final, and on success server-final in a last 334 whose answer must be empty.
     */
    private static void scram(CommandSession session, ScramLogin login, String initial) throws IOException {
        LoginResult result;
        try {
            String clientFirst = initial != null ? initial : challenge(session, "");
            String clientFinal = challenge(session, login.challenge(clientFirst));
            result = login.respond(clientFinal);
        } catch (Cancelled e) {
            session.reply(Reply.AUTH_CANCELLED);
            return;
        } catch (LineTooLongException e) {
            session.reply(Reply.LINE_TOO_LONG);
            return;
        } catch (IllegalArgumentException e) {
            session.reply(Reply.AUTH_BAD_RESPONSE);
            return;
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.is(e)) {
                throw e;
            }
            log.warn("Session {}: AUTH not checked, the database is unavailable: {}", session.id(),
                    DatabaseUnavailable.describe(e));
            session.reply(Reply.AUTH_TEMPORARY_FAILURE);
            return;
        }
        conclude(session, () -> Authenticator.outcome(result),
                result instanceof LoginResult.Success ? login.serverFinal() : null);
    }

    /** Replies to a checked attempt; {@code serverFinal} is sent first (334) when the mechanism has one. */
    private static void conclude(CommandSession session, java.util.function.Supplier<Authenticator.Outcome> check,
            String serverFinal) throws IOException {
        Authenticator.Outcome outcome;
        try {
            outcome = check.get();
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
            try {
                if (!challenge(session, serverFinal).isEmpty()) {
                    session.reply(Reply.AUTH_BAD_RESPONSE);
                    return;
                }
            } catch (Cancelled e) {
                session.reply(Reply.AUTH_CANCELLED);
                return;
            } catch (LineTooLongException e) {
                session.reply(Reply.LINE_TOO_LONG);
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
