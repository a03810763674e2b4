package org.courriel.imap.command;

import java.util.Set;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.session.Completion;
import org.courriel.imap.session.ImapCommand;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.SessionState;
import org.courriel.store.account.AccountInfo;

/**
 * GETQUOTA, GETQUOTAROOT and SETQUOTA (RFC 9208 §4): one quota root "" per account, STORAGE in units of
 * 1024 bytes; an account without quota has no root. SETQUOTA is for administrators, not IMAP users.
 */
public final class QuotaCommand implements ImapCommand<String> {

    /** The command this instance serves. */
    public enum Kind { GETQUOTA, GETQUOTAROOT, SETQUOTA }

    private final Kind kind;

    public QuotaCommand(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.name();
    }

    @Override
    public Set<SessionState> validIn() {
        return SessionState.AUTH;
    }

    @Override
    public String parse(CommandParser args) {
        args.sp();
        String name = args.astring();
        if (kind == Kind.SETQUOTA) {
            args.sp();
            args.astringList();
        }
        args.end();
        return name;
    }

    @Override
    public Completion process(String name, ImapSession session) {
        AccountInfo account = session.context().accounts().find(session.account().id()).orElseThrow();
        switch (kind) {
            case SETQUOTA -> {
                return Completion.no(ResponseCode.NOPERM, "Quotas are set by the administrator");
            }
            case GETQUOTA -> {
                if (!name.isEmpty() || account.quotaBytes() == 0) {
                    return Completion.no(ResponseCode.NONEXISTENT, "No such quota root");
                }
                quota(session, account);
            }
            case GETQUOTAROOT -> {
                String mailbox = session.decodeName(name);
                session.context().mailboxes().get(account.id(), mailbox);
                if (account.quotaBytes() == 0) {
                    session.out().untagged("QUOTAROOT " + MailboxArgument.encode(session, mailbox));
                } else {
                    session.out().untagged("QUOTAROOT " + MailboxArgument.encode(session, mailbox) + " \"\"");
                    quota(session, account);
                }
            }
        }
        return Completion.ok(name() + " completed");
    }

    private static void quota(ImapSession session, AccountInfo account) {
        // RFC 9208 §5.1: STORAGE usage and limit in units of 1024 octets
        session.out().untagged("QUOTA \"\" (STORAGE " + (account.usedBytes() + 1023) / 1024 + " "
                + account.quotaBytes() / 1024 + ")");
    }
}
