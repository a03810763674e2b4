package org.courriel.imap.session;

import org.courriel.access.net.ServedSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.courriel.access.net.Channel;
import org.courriel.access.net.ReadDeadlineException;
import org.courriel.imap.protocol.CommandReader;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.ModifiedUtf7;
import org.courriel.imap.protocol.ResponseCode;
import org.courriel.imap.protocol.ResponseWriter;
import org.courriel.imap.protocol.Status;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.UidSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IMAP connection from greeting to logout over a {@link Channel}, on the connection's own (virtual) thread.
 * Holds the small per-session state: the login, the enabled extensions and the selected mailbox's view.
 * Commands see it as an {@link ImapSession}.
 */
public final class ChannelImapSession implements ImapSession, ServedSession {

    private static final Logger log = LoggerFactory.getLogger(ChannelImapSession.class);

    private final ImapContext context;
    private final CommandDispatcher dispatcher;
    private Channel connection;
    private ResponseWriter out;
    private CommandReader reader;
    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private String currentTag = "*";
    private AccountInfo account;
    private SelectedMailbox selected;
    private boolean rev2;
    private boolean utf8;
    private boolean condstore;
    private boolean qresync;
    private final ReentrantLock updateLock = new ReentrantLock();
    private volatile boolean idling;
    /** The server is stopping ({@link #shutdown()}). */
    private volatile boolean stopping;
    /** The session thread is waiting for (or receiving) the next command: a shutdown may close it at once. */
    private volatile boolean awaitingCommand;
    private final AtomicBoolean shutdownByeSent = new AtomicBoolean();
    private final UpdatePush push = new UpdatePush(this);
    /** NOTIFY's settings (RFC 5465), or null. */
    private volatile Notifications notifications;
    /** Whether this session holds one of the node's {@link CompressionSlots}. */
    private boolean compressionSlot;

    public ChannelImapSession(ImapContext context, CommandDispatcher dispatcher, Channel connection) {
        this.context = context;
        this.dispatcher = dispatcher;
        this.connection = connection;
        attachStreams();
    }

    private void attachStreams() {
        this.out = new ResponseWriter(connection.out());
        if (reader != null) {
            reader.releaseLiterals();
        }
        this.reader = new CommandReader(connection.in(), 0, 0, context.literalBudget());
        applyInputLimits();
    }

    /**
     * RFC 9051 §6.2 leaves the bounds to the server: before login only small lines and literals are read
     * (anyone can connect), after login those of any command, APPEND included.
     */
    private void applyInputLimits() {
        var p = context.properties();
        if (state == SessionState.NOT_AUTHENTICATED) {
            reader.limits(p.preAuthLineLimit(), p.preAuthLiteralLimit());
        } else {
            reader.limits(p.maxLineLength(), p.maxLiteralSize().toBytes());
        }
    }

    /** Serves the connection until LOGOUT, end of stream or timeout. */
    public void run() {
        context.metrics().sessionOpened();
        try {
            connection.setReadTimeout(context.properties().loginTimeout());
            // RFC 9051 §7.1.1: the greeting may carry the capabilities
            out.status(null, Status.OK, ResponseCode.CAPABILITY.with(Capabilities.of(this)), "Courriel IMAP ready");
            out.flush();
            boolean more = true;
            while (more && state != SessionState.LOGOUT) {
                try {
                    // a command must arrive whole within the command timeout from its first byte (its literals
                    // at the minimum rate); the wait before that first byte is the idle timeout's
                    connection.readDeadline(context.properties().commandTimeout(),
                            context.properties().minDataRate().toBytes(), true);
                    CommandReader.Frame frame;
                    awaitingCommand = true;
                    try {
                        if (stopping) {
                            byeOnShutdown();
                            break;
                        }
                        if (push.pending()) {
                            wake(); // what came after the last command's updates went out
                        }
                        frame = reader.read(this::literalContinuation);
                    } finally {
                        // under the lock: a push in progress ends before the command's responses start
                        updateLock.lock();
                        try {
                            awaitingCommand = false;
                        } finally {
                            updateLock.unlock();
                        }
                    }
                    connection.clearReadDeadline();
                    more = handle(frame);
                } finally {
                    // the command is done with its literals (or failed reading them): give their bytes back
                    reader.releaseLiterals();
                }
            }
        } catch (ReadDeadlineException e) {
            tooSlow();
        } catch (SocketTimeoutException e) {
            context.metrics().timeout("idle");
            bye("Autologout; idle for too long");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ReadDeadlineException) {
                tooSlow(); // an AUTHENTICATE response dribbled past the command timeout
            } else if (e.getCause() instanceof SocketTimeoutException) {
                // a timeout while reading inside a command (IDLE, AUTHENTICATE)
                context.metrics().timeout("idle");
                bye("Autologout; idle for too long");
            } else {
                log.debug("IMAP connection from {} ended: {}", connection.remoteAddress(), e.getMessage());
            }
        } catch (IOException e) {
            log.debug("IMAP connection from {} ended: {}", connection.remoteAddress(), e.getMessage());
        } finally {
            notifications(null);
            unselect();
            closeConnection();
            if (compressionSlot) {
                context.compressionSlots().give();
            }
            context.metrics().sessionClosed();
        }
    }

    /** Flushes what is left (a BYE) and closes; the peer may be gone already. */
    private void closeConnection() {
        try {
            connection.out().flush();
        } catch (IOException e) {
            log.debug("IMAP connection from {}: final flush failed: {}", connection.remoteAddress(), e.getMessage());
        }
        try {
            connection.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void tooSlow() {
        log.info("IMAP client {} sent a command too slowly (more than {}), closing", connection.remoteAddress().getHostAddress(),
                context.properties().commandTimeout());
        context.metrics().timeout("deadline");
        bye("Command not received in time");
    }

    private boolean handle(CommandReader.Frame frame) {
        switch (frame) {
            case CommandReader.EndOfStream e -> {
                return false;
            }
            case CommandReader.LineTooLong t -> {
                if (state == SessionState.NOT_AUTHENTICATED) {
                    out.status(tagOf(t.tag()), Status.BAD, ResponseCode.TOOBIG.bare(), "Command line too long before login");
                } else {
                    out.status(tagOf(t.tag()), Status.BAD, null, "Command line too long");
                }
                out.flush();
                return true;
            }
            case CommandReader.LiteralTooBig t -> {
                // RFC 9051 §7.1 TOOBIG. Before login the command is refused as BAD: no command there needs such input.
                boolean preAuth = state == SessionState.NOT_AUTHENTICATED;
                Status status = preAuth ? Status.BAD : Status.NO;
                String text = preAuth ? "Literal too big before login" : "Literal too big";
                return refuseLiteral(t.tag(), t.synchronizing(), status, ResponseCode.TOOBIG, text, preAuth);
            }
            case CommandReader.LiteralUnavailable u -> {
                return refuseLiteral(u.tag(), u.synchronizing(), Status.NO, ResponseCode.UNAVAILABLE,
                        "Server busy with other literals; try again", true);
            }
            case CommandReader.Command c -> {
                dispatcher.dispatch(c.bytes(), this);
                // before the tagged reply leaves the buffer: a client that goes on at once finds the room given back
                reader.releaseLiterals();
                out.flush();
                return true;
            }
        }
    }

    /**
     * Called from another thread when the server stops; never blocks. A session waiting for a command or in
     * IDLE is told {@code * BYE} (RFC 9051 §7.1.5) and closed, from a thread of its own since a client that
     * does not read could block that write; a session running a command finishes it, then says BYE itself.
     * The listener closes whatever is still open after its shutdown grace.
     */
    public void shutdown() {
        stopping = true;
        // stopping is written before awaitingCommand and idling are read, and the session does the reverse:
        // at least one of the two sees the other; the BYE is sent once
        if (awaitingCommand || idling) {
            Thread.ofVirtual().name("imap-shutdown").start(() -> {
                if (byeOnShutdown()) {
                    connection.abort();
                }
            });
        }
    }

    /** The shutdown BYE, unless it was sent already; whether this call sent it. */
    private boolean byeOnShutdown() {
        if (!shutdownByeSent.compareAndSet(false, true)) {
            return false;
        }
        updateLock.lock(); // not in the middle of an IDLE update
        try {
            bye("Server shutting down");
        } finally {
            updateLock.unlock();
        }
        return true;
    }

    /**
     * Answers a literal that will not be read. A synchronizing one was not announced with a continuation, so
     * the client sends nothing more and the session goes on (RFC 9051 §7.5). A non-synchronizing one is
     * already coming and cannot be skipped cheaply (RFC 7888 §4, §5): the tagged reply when {@code tagged},
     * then BYE, then the connection ends.
     */
    private boolean refuseLiteral(String tag, boolean synchronizing, Status status, ResponseCode code, String text,
            boolean tagged) {
        if (synchronizing || tagged) {
            out.status(tagOf(tag), status, code.bare(), text);
        }
        if (synchronizing) {
            out.flush();
            return true;
        }
        bye(text);
        return false;
    }

    /** "+" for a literal, under the update lock: a push thread may be writing a multi-part response. */
    private void literalContinuation() {
        updateLock.lock();
        try {
            out.continuation("Ready for literal");
        } finally {
            updateLock.unlock();
        }
    }

    private static String tagOf(String tag) {
        return tag == null ? "*" : tag;
    }

    /** An untagged BYE before the connection closes. */
    public void bye(String text) {
        try {
            out.status(null, Status.BYE, null, text);
            out.flush();
        } catch (RuntimeException e) {
            // the client is gone, or the connection is closed already: after close a COMPRESS stream's Deflater
            // is freed and writing throws NullPointerException; a goodbye nobody can hear is no error
            log.debug("BYE not sent: {}", e.toString());
        }
        state = SessionState.LOGOUT;
    }

    @Override
    public ResponseWriter out() {
        return out;
    }

    @Override
    public ImapContext context() {
        return context;
    }

    @Override
    public Channel connection() {
        return connection;
    }

    @Override
    public String currentTag() {
        return currentTag;
    }

    void currentTag(String tag) {
        this.currentTag = tag;
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public void logout() {
        state = SessionState.LOGOUT;
    }

    @Override
    public AccountInfo account() {
        return account;
    }

    @Override
    public void authenticated(AccountInfo account) {
        this.account = account;
        this.state = SessionState.AUTHENTICATED;
        applyInputLimits();
        try {
            connection.setReadTimeout(context.properties().idleTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void tlsStarted() {
        attachStreams();
    }

    @Override
    public boolean reserveCompression() {
        if (!compressionSlot && context.compressionSlots().take()) {
            compressionSlot = true;
        }
        return compressionSlot;
    }

    @Override
    public void startCompression() throws IOException {
        connection.startCompression();
        attachStreams();
    }

    @Override
    public boolean rev2() {
        return rev2;
    }

    @Override
    public boolean utf8() {
        return utf8 || rev2;
    }

    @Override
    public boolean condstore() {
        return condstore || qresync;
    }

    @Override
    public boolean qresync() {
        return qresync;
    }

    @Override
    public void enableRev2() {
        rev2 = true;
    }

    @Override
    public void enableUtf8() {
        utf8 = true;
    }

    @Override
    public void enableCondstore() {
        if (!condstore) {
            condstore = true;
            if (selected != null) {
                // RFC 7162 §3.1.2.1: report HIGHESTMODSEQ when CONDSTORE is enabled with a mailbox selected
                out.status(null, Status.OK, ResponseCode.HIGHESTMODSEQ.with(context.mailboxes().refresh(selected.mailbox())
                        .highestModseq()), "CONDSTORE enabled");
            }
        }
    }

    @Override
    public void enableQresync() {
        qresync = true;
        condstore = true;
    }

    @Override
    public boolean loginAllowed() {
        return connection.isSecure()
                || (context.properties().allowPlaintextLoopback() && connection.remoteAddress().isLoopbackAddress());
    }

    @Override
    public String decodeName(String name) {
        return utf8() ? name : ModifiedUtf7.decode(name);
    }

    @Override
    public String encodeName(String name) {
        return utf8() ? name : ModifiedUtf7.encode(name);
    }

    @Override
    public String readResponseLine() throws IOException {
        connection.readDeadline(context.properties().commandTimeout(), 0, true);
        try {
            return readLine();
        } finally {
            connection.clearReadDeadline();
        }
    }

    /** Reads one more line of input (IDLE's DONE, which has no deadline); null at end of stream. */
    public String readLine() throws IOException {
        byte[] line = reader.readLine();
        if (line == null) {
            return null;
        }
        if (line.length > reader.maxLine()) {
            throw new ImapSyntaxException("line too long");
        }
        return new String(line, StandardCharsets.UTF_8);
    }

    // ---- the selected mailbox

    @Override
    public SelectedMailbox selected() {
        return selected;
    }

    @Override
    public SelectedMailbox select(MailboxInfo mailbox, boolean readOnly, org.courriel.store.acl.Rights rights) {
        unselect();
        SelectedMailbox[] holder = new SelectedMailbox[1];
        List<MailboxEvent> early = new ArrayList<>();
        Object guard = new Object();
        var registration = context.events().subscribeMailbox(mailbox.id(), event -> {
            synchronized (guard) {
                if (holder[0] == null) {
                    early.add(event);
                    return;
                }
            }
            holder[0].enqueue(event, context.properties().maxPendingUpdates());
            Notifications n = notifications;
            if (idling || (n != null && n.pushesSelected())) {
                wake();
            }
        });
        SelectedMailbox view;
        try {
            MailboxInfo fresh = context.mailboxes().refresh(mailbox);
            view = new SelectedMailbox(fresh, readOnly, context.uidSnapshots().uids(fresh), rights);
            // RFC 3501 §6.3.2: EXAMINE gives SELECT's responses, RECENT included, but leaves \Recent alone: only
            // SELECT claims; EXAMINE shows as recent what no session has claimed yet
            long max = view.sequence().maxUid();
            long previous = readOnly ? Math.min(max, context.recent().mark(mailbox.id()))
                    : context.recent().claimUpTo(mailbox.id(), max);
            view.addRecent(previous, max);
        } catch (RuntimeException e) {
            // the mailbox went away meanwhile, or the store failed (the claim is a write): no listener stays behind
            registration.close();
            throw e;
        }
        view.registration(registration);
        synchronized (guard) {
            holder[0] = view;
            early.forEach(e -> view.enqueue(e, Integer.MAX_VALUE));
        }
        selected = view;
        state = SessionState.SELECTED;
        return view;
    }

    @Override
    public void unselect() {
        if (selected != null) {
            selected.close();
            selected = null;
        }
        if (state == SessionState.SELECTED) {
            state = SessionState.AUTHENTICATED;
        }
    }

    /**
     * Sends what changed in the selected mailbox since the client last heard: EXPUNGE (or VANISHED with
     * QRESYNC) when allowed, EXISTS and RECENT for new messages, FETCH for flags others changed.
     */
    public void flushUpdates(boolean allowExpunge) {
        updateLock.lock();
        try {
            UpdatePush.write(this, allowExpunge, false);
        } finally {
            updateLock.unlock();
        }
    }

    // ---- IDLE (RFC 2177, RFC 9051 §6.3.13)

    @Override
    public String idle() throws IOException {
        updateLock.lock();
        try {
            idling = true;
            out.continuation("idling");
            UpdatePush.write(this, true, false);
            out.flush();
        } finally {
            updateLock.unlock();
        }
        context.metrics().idleStarted();
        try {
            return readLine();
        } finally {
            context.metrics().idleEnded();
            updateLock.lock();
            try {
                idling = false;
            } finally {
                updateLock.unlock();
            }
        }
    }

    // ---- NOTIFY (RFC 5465)

    @Override
    public Notifications notifications() {
        return notifications;
    }

    @Override
    public void notifications(Notifications replacement) {
        Notifications previous = notifications;
        notifications = replacement;
        if (previous != null && previous != replacement) {
            previous.close();
        }
    }

    @Override
    public void wake() {
        push.wake();
    }

    ReentrantLock updateLock() {
        return updateLock;
    }

    boolean idling() {
        return idling;
    }

    /** Whether the session waits for a command or is in IDLE: a push may write then. */
    boolean waitingOrIdle() {
        return idling || awaitingCommand;
    }

    /** Flags of the known messages in {@code uids}, read from the store (for untagged FETCH). */
    List<MessageRecord> flagsOf(long mailboxId, List<Long> uids) {
        List<MessageRecord> records = new ArrayList<>();
        context.messages().scan(mailboxId, UidSet.ofSorted(uids.stream().sorted().distinct().toList()),
                MessageFields.BASIC, records::add);
        return records;
    }
}
