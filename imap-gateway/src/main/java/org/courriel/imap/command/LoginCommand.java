package org.courriel.imap.command;

import java.util.Optional;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.Capabilities;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.account.AccountInfo;

/** LOGIN (RFC 9051 §6.2.3): refused before TLS unless plaintext is allowed (LOGINDISABLED). */
public final class LoginCommand implements ImapCommand<LoginCommand.Request> {

    /** The user name and password. */
    public record Request(String user, String password) {
        @Override
        public String toString() {
            return "Request[user=" + user + "]";
        }
    }

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.NOT_AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        String user = args.astring();
        args.sp();
        String password = args.astring();
        args.end();
        return new Request(user, password);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        return login(session, request.user(), request.password());
    }

    /** Shared by LOGIN and AUTHENTICATE PLAIN. */
    static Completion login(ImapSession session, String user, String password) {
        if (!session.loginAllowed()) {
            return Completion.no(ResponseCode.PRIVACYREQUIRED, "Use STARTTLS or the implicit-TLS port first");
        }
        Optional<AccountInfo> account = session.context().loginGuard().login(session.connection().remoteAddress(), user, password);
        if (account.isEmpty()) {
            return Completion.no(ResponseCode.AUTHENTICATIONFAILED, "Authentication failed");
        }
        session.authenticated(account.get());
        // RFC 9051 §6.2.3: the OK may carry the capabilities, which change after login
        return Completion.ok(ResponseCode.CAPABILITY.with(Capabilities.of(session)), "Logged in");
    }
}
