package org.courriel.imap.session;

import java.util.Set;
import java.util.TreeSet;

import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.ResponseWriter;
import org.courriel.imap.protocol.Status;
import org.courriel.store.acl.Right;
import org.courriel.store.acl.Rights;
import org.courriel.store.message.FlagRights;
import org.courriel.store.message.Flags;
import org.courriel.store.message.SystemFlag;

/**
 * The flags a session has announced for its selected mailbox. RFC 9051 §7.3.5 and RFC 3501 §7.2.6: a client
 * learns the keywords of a mailbox from FLAGS, so before the first response that shows a keyword new to the
 * session (whichever session or node set it), an untagged FLAGS and PERMANENTFLAGS go out with it added.
 */
public final class AnnouncedFlags {

    private static final String SYSTEM = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

    private final boolean readOnly;
    private final Rights rights;
    private final Set<String> keywords = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    AnnouncedFlags(boolean readOnly, Rights rights) {
        this.readOnly = readOnly;
        this.rights = rights;
    }

    /** The FLAGS list: the system flags and every keyword announced so far. */
    public synchronized String flags() {
        return "(" + SYSTEM + keywordList() + ")";
    }

    /**
     * The PERMANENTFLAGS list (RFC 9051 §7.1): none when read-only, else these flags and {@code \*}; of a
     * mailbox shared with the user, only the flags their rights let them change (RFC 4314 §5.1.1: "\Seen" with
     * "s", "\Deleted" with "t", the others and new keywords with "w").
     */
    public synchronized String permanentFlags() {
        if (readOnly) {
            return "()";
        }
        if (rights.equals(Rights.ALL)) {
            return "(" + SYSTEM + keywordList() + " \\*)";
        }
        java.util.List<String> flags = new java.util.ArrayList<>();
        for (SystemFlag f : new SystemFlag[] {SystemFlag.ANSWERED, SystemFlag.FLAGGED, SystemFlag.DELETED,
                SystemFlag.SEEN, SystemFlag.DRAFT}) {
            if (FlagRights.mayChange(rights, f)) {
                flags.add(f.imapName());
            }
        }
        String list = String.join(" ", flags);
        if (rights.has(Right.WRITE)) {
            list += keywordList() + " \\*";
        }
        return "(" + list.strip() + ")";
    }

    /**
     * Announces, before a response that shows {@code flags}, the keywords among them the client has not heard of.
     * Called once per message of a FETCH: a message without keywords (most of them) returns before the lock.
     */
    public void before(Flags flags, ResponseWriter out) {
        if (flags.keywords().isEmpty()) {
            return; // system flags are in every FLAGS list already
        }
        synchronized (this) {
            if (!keywords.addAll(flags.keywords())) {
                return;
            }
            out.untagged("FLAGS " + flags());
            out.status(null, Status.OK, ResponseCode.PERMANENTFLAGS.with(permanentFlags()), "Flags permitted");
        }
    }

    private String keywordList() {
        StringBuilder sb = new StringBuilder();
        for (String k : keywords) {
            sb.append(' ').append(k);
        }
        return sb.toString();
    }
}
