package org.courriel.imap.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/**
 * COMPRESS DEFLATE (RFC 4978): raw DEFLATE in both directions from the byte after the tagged OK, in the
 * connection layer ({@link org.courriel.access.net.Channel#startCompression()}). Only after login, as the
 * capability is advertised: before it anyone could make the server hold zlib state.
 */
public final class CompressCommand implements ImapCommand<String> {

    @Override
    public String name() {
        return "COMPRESS";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public String parse(CommandParser args) {
        args.sp();
        String mechanism = args.atom().toUpperCase(Locale.ROOT);
        args.end();
        // RFC 4978 §3: "DEFLATE" is the only mechanism; BAD for an unknown argument
        if (!mechanism.equals("DEFLATE")) {
            throw new ImapSyntaxException("unknown compression mechanism " + mechanism);
        }
        return mechanism;
    }

    @Override
    public Completion process(String mechanism, ImapSession session) {
        if (session.connection().isCompressed()) {
            // RFC 4978 §3: NO [COMPRESSIONACTIVE] when the same mechanism is active already
            return Completion.no(ResponseCode.COMPRESSIONACTIVE, "DEFLATE active already");
        }
        if (!session.reserveCompression()) {
            return Completion.no(ResponseCode.LIMIT, "Too many compressed sessions; go on uncompressed");
        }
        // RFC 4978 §3: the server compresses "starting immediately after the CRLF which ends the tagged OK"
        return Completion.ok("DEFLATE active").then(() -> start(session));
    }

    private static void start(ImapSession session) {
        try {
            session.startCompression();
        } catch (IOException e) {
            session.logout();
            throw new UncheckedIOException(e);
        }
    }
}
