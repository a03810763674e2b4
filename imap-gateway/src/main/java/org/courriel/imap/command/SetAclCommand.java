package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.acl.Rights;

/**
 * SETACL (RFC 4314 §3.1): grants an identifier rights on a mailbox, replacing them, or adding ("+") or removing
 * ("-") some; needs "a" (§4). An unknown or upper-case right is BAD, never ignored.
 */
public final class SetAclCommand implements ImapCommand<SetAclCommand.Request> {

    /** How the rights change: replaced, added to, or taken from the identifier's entry. */
    public enum Mode { REPLACE, ADD, REMOVE }

    /** The mailbox, the identifier and the change. */
    public record Request(String mailbox, String identifier, Mode mode, Rights rights) {
    }

    @Override
    public String name() {
        return "SETACL";
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public Request parse(CommandParser args) {
        args.sp();
        String mailbox = MailboxArgument.parse(args);
        args.sp();
        String identifier = AclArguments.identifier(args);
        args.sp();
        // RFC 4314 §7: mod-rights = astring; +rights to add, -rights to remove, rights to replace
        String mod = args.astring();
        args.end();
        Mode mode = Mode.REPLACE;
        if (mod.startsWith("+")) {
            mode = Mode.ADD;
            mod = mod.substring(1);
        } else if (mod.startsWith("-")) {
            mode = Mode.REMOVE;
            mod = mod.substring(1);
        }
        try {
            return new Request(mailbox, identifier, mode, Rights.parse(mod));
        } catch (IllegalArgumentException e) {
            // RFC 4314 §3.1: "an unrecognized right MUST cause the command to return the BAD response"
            throw new ImapSyntaxException(e.getMessage());
        }
    }

    @Override
    public Completion process(Request request, ImapSession session) {
        String name = AclArguments.mailbox(session, request.mailbox());
        var access = session.context().access();
        long account = session.account().id();
        Rights rights = switch (request.mode()) {
            case REPLACE -> request.rights();
            case ADD -> access.entry(account, name, request.identifier()).plus(request.rights());
            case REMOVE -> access.entry(account, name, request.identifier()).minus(request.rights());
        };
        access.setAcl(account, name, request.identifier(), rights);
        return Completion.ok("SETACL completed");
    }
}
