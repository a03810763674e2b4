package org.courriel.imap.session;

import java.io.IOException;

import org.courriel.access.net.Channel;
import org.courriel.imap.protocol.ResponseWriter;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.mailbox.MailboxInfo;

/**
 * What an IMAP command may see and do of its session (as James's {@code ImapSession}): write responses, read
 * a continuation, and move the session through the states of RFC 9051 §3 by the transitions the protocol has.
 * The command loop, the input limits and the shutdown belong to {@link ChannelImapSession} alone.
 */
public interface ImapSession {

    ImapContext context();

    /** Where untagged responses go; the dispatcher writes the tagged one. */
    ResponseWriter out();

    /** The connection, for STARTTLS and the client's address. */
    Channel connection();

    /** The tag of the command being run (ESEARCH responses carry it). */
    String currentTag();

    SessionState state();

    // ---- login and logout (RFC 9051 §6.2, §6.1.3)

    /** Whether LOGIN and AUTHENTICATE may be used now (RFC 9051 §6.2.3 LOGINDISABLED). */
    boolean loginAllowed();

    /** The logged-in account, or null. */
    AccountInfo account();

    /** LOGIN or AUTHENTICATE succeeded: the session is AUTHENTICATED, with the limits of a logged-in client. */
    void authenticated(AccountInfo account);

    /** After STARTTLS succeeded: new streams, and a new command reader (RFC 9051 §6.2.1: nothing buffered survives). */
    void tlsStarted();

    void logout();

    /** Takes one of the node's compression slots for this session, held until it ends; false when none is free. */
    boolean reserveCompression();

    /**
     * After COMPRESS DEFLATE's tagged OK went out (RFC 4978 §3): both directions compressed from the next byte,
     * with new streams and a new command reader over them.
     */
    void startCompression() throws IOException;

    /**
     * Reads the client's response to a continuation request (AUTHENTICATE, RFC 9051 §6.2.2): like a command, it
     * must arrive whole within the command timeout; null at end of stream.
     */
    String readResponseLine() throws IOException;

    // ---- enabled extensions (RFC 5161)

    boolean rev2();

    /** UTF-8 mailbox names and strings (RFC 9051 §6.3.1, RFC 6855), implied by IMAP4rev2. */
    boolean utf8();

    boolean condstore();

    boolean qresync();

    void enableRev2();

    void enableUtf8();

    /** RFC 7162 §3.1: CONDSTORE is enabled by ENABLE or by the first command that uses it. */
    void enableCondstore();

    /** RFC 7162 §3.2.3: QRESYNC implies CONDSTORE. */
    void enableQresync();

    /** A mailbox name from the client: modified UTF-7 unless UTF-8 was enabled (RFC 9051 §5.1, RFC 3501 §5.1.3). */
    String decodeName(String name);

    String encodeName(String name);

    // ---- the selected mailbox

    /** The selected mailbox's view, or null. */
    SelectedMailbox selected();

    /**
     * SELECT or EXAMINE of one's own mailbox (all rights): watches it from now on, then reads its UIDs, so no
     * change falls between.
     */
    default SelectedMailbox select(MailboxInfo mailbox, boolean readOnly) {
        return select(mailbox, readOnly, org.courriel.store.acl.Rights.ALL);
    }

    /** As {@link #select(MailboxInfo, boolean)}, for a user holding {@code rights} on the mailbox (RFC 4314). */
    SelectedMailbox select(MailboxInfo mailbox, boolean readOnly, org.courriel.store.acl.Rights rights);

    /** Leaves the selected state (CLOSE, UNSELECT, a failed SELECT, logout). */
    void unselect();

    /** Enters IDLE (RFC 2177, RFC 9051 §6.3.13): updates go out as they come until the client's line, returned (null at end of stream). */
    String idle() throws IOException;

    // ---- NOTIFY (RFC 5465)

    /** The session's NOTIFY settings, or null before NOTIFY SET and after NOTIFY NONE. */
    Notifications notifications();

    /** Replaces the NOTIFY settings (null: NOTIFY NONE), closing the previous ones. */
    void notifications(Notifications notifications);

    /**
     * Called from the event publisher's thread when something the NOTIFY settings report has happened: the
     * session writes it at once if it waits for a command or is in IDLE, otherwise when the command ends.
     * Never blocks.
     */
    void wake();
}
