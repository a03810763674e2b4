package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;

/** ENABLE (RFC 5161, RFC 9051 §6.3.1): IMAP4rev2, UTF8=ACCEPT (RFC 6855), CONDSTORE and QRESYNC (RFC 7162). */
public final class EnableCommand implements ImapCommand<EnableCommand.Request> {

    /** The capabilities the client asks for. */
    public record Request(List<String> capabilities) {
    }

    @Override
    public String name() {
        return "ENABLE";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        List<String> caps = new ArrayList<>();
        while (args.skip(' ')) {
            caps.add(args.atom().toUpperCase(Locale.ROOT));
        }
        args.end();
        if (caps.isEmpty()) {
            throw new org.courriel.imap.protocol.ImapSyntaxException("ENABLE needs a capability");
        }
        return new Request(caps);
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        StringBuilder enabled = new StringBuilder("ENABLED");
        for (String cap : request.capabilities()) {
            String canonical = switch (cap) {
                case "IMAP4REV2" -> {
                    session.enableRev2();
                    yield "IMAP4rev2";
                }
                case "UTF8=ACCEPT" -> {
                    session.enableUtf8();
                    yield "UTF8=ACCEPT";
                }
                case "CONDSTORE" -> {
                    session.enableCondstore();
                    yield "CONDSTORE";
                }
                case "QRESYNC" -> {
                    session.enableQresync();
                    yield "QRESYNC";
                }
                default -> null;
            };
            if (canonical != null && enabled.indexOf(" " + canonical) < 0) {
                enabled.append(' ').append(canonical);
            }
        }
        session.out().untagged(enabled);
        return Completion.ok("ENABLE completed");
    }
}
