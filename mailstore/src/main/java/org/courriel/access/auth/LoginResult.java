package org.courriel.access.auth;

import org.courriel.store.account.AccountInfo;

/** The outcome of a login attempt. */
public sealed interface LoginResult {

    record Success(AccountInfo account) implements LoginResult {
    }

    /** Wrong user name or password, or a disabled account: the protocol says only that. */
    record Failure() implements LoginResult {
    }

    /** Too many recent failures from this address or for this account: try again later (SMTP 454 4.7.0). */
    record Throttled() implements LoginResult {
    }
}
