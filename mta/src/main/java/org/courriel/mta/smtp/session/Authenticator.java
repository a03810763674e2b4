package org.courriel.mta.smtp.session;

import java.net.InetAddress;

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
}
