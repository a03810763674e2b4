package org.courriel.imap.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** STARTTLS (RFC 9051 §6.2.1): the tagged OK goes out in clear, then the handshake; nothing read before survives. */
public final class StartTlsCommand implements ImapCommand<NoArguments> {

    @Override
    public String name() {
        return "STARTTLS";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.NOT_AUTH;
    }

    @Override
    public NoArguments parse(CommandParser args) {
        return NoArguments.parse(args);
    }

    @Override
    public Completion process(NoArguments request, ImapSession session) {
        if (session.connection().isSecure() || !session.connection().canStartTls()) {
            return Completion.bad("TLS is not available or already active");
        }
        return Completion.ok("Begin TLS negotiation now").then(() -> handshake(session));
    }

    private static void handshake(ImapSession session) {
        try {
            session.connection().startTls();
            session.context().metrics().tlsHandshake("starttls", true);
            session.tlsStarted();
        } catch (IOException e) {
            session.context().metrics().tlsHandshake("starttls", false);
            session.logout();
            throw new UncheckedIOException(e);
        }
    }
}
