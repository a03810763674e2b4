package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
        // RFC 5161 §3.1: each ENABLED response lists only what its own command enabled, not what was on before
        // (QRESYNC enables CONDSTORE too, RFC 7162 §3.2.3)
        Set<String> before = active(session);
        for (String cap : request.capabilities()) {
            switch (cap) {
                case "IMAP4REV2" -> session.enableRev2();
                case "UTF8=ACCEPT" -> session.enableUtf8();
                case "CONDSTORE" -> session.enableCondstore();
                case "QRESYNC" -> session.enableQresync();
                default -> {
                    // RFC 5161 §3.1: an extension the server does not know, or that needs no enabling, is ignored
                }
            }
        }
        Set<String> enabled = new LinkedHashSet<>();
        for (String cap : request.capabilities()) {
            String canonical = canonical(cap);
            if (canonical != null && !before.contains(canonical)) {
                enabled.add(canonical);
            }
        }
        session.out().untagged(enabled.isEmpty() ? "ENABLED" : "ENABLED " + String.join(" ", enabled));
        return Completion.ok("ENABLE completed");
    }

    /** The capability as the server names it, or null for one it does not enable. */
    private static String canonical(String upperCase) {
        return switch (upperCase) {
            case "IMAP4REV2" -> "IMAP4rev2";
            case "UTF8=ACCEPT", "CONDSTORE", "QRESYNC" -> upperCase;
            default -> null;
        };
    }

    /** What the session has on already, by the names {@link #canonical} gives. */
    private static Set<String> active(ImapSession session) {
        Set<String> active = new HashSet<>();
        if (session.rev2()) {
            active.add("IMAP4rev2");
        }
        if (session.utf8()) {
            active.add("UTF8=ACCEPT");
        }
        if (session.condstore()) {
            active.add("CONDSTORE");
        }
        if (session.qresync()) {
            active.add("QRESYNC");
        }
        return active;
    }
}
