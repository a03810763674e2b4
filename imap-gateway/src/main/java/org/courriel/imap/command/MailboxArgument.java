package org.courriel.imap.command;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapString;
import org.courriel.imap.session.ImapSession;

/** Mailbox names in and out of a session: astring syntax, modified UTF-7 or UTF-8 by what the session enabled. */
final class MailboxArgument {

    private MailboxArgument() {
    }

    /** The raw name as sent; the processor decodes it with {@link ImapSession#decodeName}. */
    static String parse(CommandParser args) {
        return args.astring();
    }

    /**
     * The store name of a mailbox the client refers to, or empty when the name is not valid modified UTF-7: CREATE
     * refuses such names, so none exists (RFC 9051 §5.1.3; SELECT and STATUS then answer NO [NONEXISTENT], the
     * name being a well-formed astring, RFC 9051 §9).
     */
    static java.util.Optional<String> existingName(ImapSession session, String raw) {
        try {
            return java.util.Optional.of(session.decodeName(raw));
        } catch (org.courriel.imap.protocol.ImapSyntaxException notModifiedUtf7) {
            return java.util.Optional.empty();
        }
    }

    /** The name as the client expects it, quoted or as a literal. */
    static String encode(ImapSession session, String storeName) {
        StringBuilder sb = new StringBuilder();
        ImapString.string(sb, session.encodeName(storeName), session.utf8());
        return sb.toString();
    }
}
