package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.mailbox.Namespaces;

/**
 * NAMESPACE (RFC 2342, RFC 9051 §6.3.10): the personal namespace "", other users' mailboxes under "Other Users/"
 * and the domain's shared mailboxes under "Shared Folders/" ({@link Namespaces}), all with '/' as delimiter.
 */
public final class NamespaceCommand implements ImapCommand<NoArguments> {

    @Override
    public String name() {
        return "NAMESPACE";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public NoArguments parse(CommandParser args) {
        return NoArguments.parse(args);
    }

    private static String prefix(ImapSession session, String root) {
        return MailboxArgument.encode(session, root + "/");
    }

    @Override
    public Completion process(NoArguments request, ImapSession session) {
        // RFC 2342 §5: personal, other users', shared; each prefix ends with the delimiter
        session.out().untagged("NAMESPACE ((\"\" \"/\")) ((" + prefix(session, Namespaces.OTHER_USERS) + " \"/\")) (("
                + prefix(session, Namespaces.SHARED_FOLDERS) + " \"/\"))");
        return Completion.ok("NAMESPACE completed");
    }
}
