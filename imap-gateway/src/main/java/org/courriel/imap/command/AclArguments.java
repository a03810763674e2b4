package org.courriel.imap.command;

import java.util.Optional;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapString;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.session.ImapSession;
import org.courriel.store.mailbox.AccessibleMailbox;
import org.courriel.store.StoreException;

/** The arguments the ACL commands share (RFC 4314 §7): an identifier, a rights string, names in responses. */
final class AclArguments {

    private AclArguments() {
    }

    /**
     * RFC 4314 §7 identifier = astring; §3: an identifier that prepares to an empty string is refused with BAD
     * (identifiers here are addresses and "anyone": ASCII or UTF-8 addresses, compared in lower case).
     */
    static String identifier(CommandParser args) {
        String id = args.astring();
        if (id.isBlank()) {
            throw new ImapSyntaxException("empty identifier");
        }
        return id;
    }

    /** The mailbox a session names, NONEXISTENT when the name is not even valid modified UTF-7. */
    static String mailbox(ImapSession session, String raw) {
        Optional<String> name = MailboxArgument.existingName(session, raw);
        return name.orElseThrow(() -> StoreException.notFound("mailbox " + raw));
    }

    /** A string in a response: the identifier or rights as an astring would be read back. */
    static String string(ImapSession session, String value) {
        StringBuilder sb = new StringBuilder();
        ImapString.string(sb, value, session.utf8());
        return sb.toString();
    }

    /** Rights in a response: an atom of letters, or "" when there are none. */
    static String rights(String letters) {
        return letters.isEmpty() ? "\"\"" : letters;
    }

    static String name(ImapSession session, AccessibleMailbox mailbox) {
        return MailboxArgument.encode(session, mailbox.name());
    }
}
