package org.courriel.mta.smtp.session;

import java.net.InetAddress;
import java.util.Optional;

import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.ScramLogin;

/** Checks AUTH credentials, with the shared failure throttling (per client address and per account). */
@FunctionalInterface
public interface Authenticator {

    /** The outcome of one attempt. */
    sealed interface Outcome {
        record Success(long accountId, String address) implements Outcome {
        }

        record Failure() implements Outcome {
        }

        /** In a cool-down after too many failures: 454 4.7.0, the password was not checked. */
        record Throttled() implements Outcome {
        }
    }

    Outcome authenticate(InetAddress client, String username, String password);

    /** The SMTP outcome of the store's login result. */
    static Outcome outcome(LoginResult result) {
        return switch (result) {
            case LoginResult.Success s -> new Outcome.Success(s.account().id(), s.account().address());
            case LoginResult.Failure f -> new Outcome.Failure();
            case LoginResult.Throttled t -> new Outcome.Throttled();
        };
    }

    /** A SCRAM-SHA-256 exchange (RFC 7677), when this authenticator offers the mechanism. */
    default Optional<ScramLogin> scram(InetAddress client) {
        return Optional.empty();
    }

    /** Whether {@link #scram} gives an exchange, so that EHLO advertises SCRAM-SHA-256 only then. */
    default boolean offersScram() {
        return false;
    }
}
