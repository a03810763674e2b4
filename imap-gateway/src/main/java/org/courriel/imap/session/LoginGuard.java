package org.courriel.imap.session;

import java.net.InetAddress;
import java.util.Optional;

import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.LoginService;
import org.courriel.access.auth.ScramLogin;
import org.courriel.store.account.AccountInfo;
import org.springframework.stereotype.Component;

/**
 * Checks IMAP credentials through the shared {@link LoginService}, which counts failures per client address
 * and account. A throttled attempt looks like a failed one to the client (it learns nothing).
 */
@Component
public class LoginGuard {

    private final LoginService logins;

    public LoginGuard(LoginService logins) {
        this.logins = logins;
    }

    /** Starts a SCRAM-SHA-256 exchange, throttled and counted as a password login (RFC 7677). */
    public ScramLogin scram(InetAddress peer) {
        return logins.scram("imap", peer);
    }

    /** The account for these credentials; empty on a wrong password, a disabled account or while throttled. */
    public Optional<AccountInfo> login(InetAddress peer, String user, String password) {
        return switch (logins.login("imap", peer, user, password)) {
            case LoginResult.Success s -> Optional.of(s.account());
            case LoginResult.Failure f -> Optional.empty();
            case LoginResult.Throttled t -> Optional.empty();
        };
    }
}
