package org.courriel.pop3.session;

import org.courriel.access.net.ServedSession;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.courriel.access.auth.LoginResult;
import org.courriel.access.auth.ScramLogin;
import org.courriel.access.net.Connection;
import org.courriel.access.net.LineTooLongException;
import org.courriel.access.net.ReadDeadlineException;
import org.courriel.pop3.protocol.Pop3CommandParser;
import org.courriel.pop3.protocol.Pop3Request;
import org.courriel.pop3.protocol.ReplyWriter;
import org.courriel.pop3.protocol.ResponseCode;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.lease.MailboxLease;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.UidSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One POP3 connection from greeting to QUIT, on the connection's own (virtual) thread: reads a command line
 * within its bounds, checks the command's state once, runs it and maps its failure in one place. Holds the
 * login, the maildrop snapshot and the lock on it.
 */
public final class Pop3Session implements ServedSession {

    private static final Logger log = LoggerFactory.getLogger(Pop3Session.class);

    private final Pop3Context context;
    private final Connection connection;
    private ReplyWriter reply;
    private Pop3State state = Pop3State.AUTHORIZATION;
    private String pendingUser;
    private Maildrop maildrop;
    private MailboxLease lease;
    private long leaseRenewedNanos;
    private boolean done;
    /** The server is stopping ({@link #shutdown()}). */
    private volatile boolean stopping;
    /** The session waits for the next command: a shutdown may close it at once. */
    private volatile boolean awaitingCommand;

    public Pop3Session(Pop3Context context, Connection connection) {
        this.context = context;
        this.connection = connection;
        this.reply = new ReplyWriter(connection.out());
    }

    /** Serves the connection until QUIT, end of stream, timeout or shutdown. */
    public void run() {
        context.metrics().sessionOpened();
        try {
            connection.setReadTimeout(context.properties().loginTimeout());
            reply.ok("Courriel POP3 ready"); // RFC 1939 §4; no APOP timestamp, APOP is not offered
            reply.flush();
            while (!done && !stopping) {
                byte[] line = readCommandLine();
                if (line == null) {
                    break;
                }
                handle(line);
                reply.flush();
            }
        } catch (ReadDeadlineException e) {
            context.metrics().timeout("deadline");
            goodbye("Command not received in time");
        } catch (SocketTimeoutException e) {
            // RFC 1939 §3: the autologout timer ends the session without entering the UPDATE state
            context.metrics().timeout("idle");
            goodbye("Disconnected for inactivity");
        } catch (IOException e) {
            log.debug("POP3 connection from {} ended: {}", connection.remoteAddress(), e.getMessage());
        } finally {
            releaseLease();
            context.metrics().sessionClosed();
        }
    }

    /** The next command line, null at end of stream; a line past the bound is answered here and skipped. */
    private byte[] readCommandLine() throws IOException {
        while (true) {
            // the line must arrive whole within the command timeout from its first byte; the wait before that
            // byte is the idle timeout's
            connection.readDeadline(context.properties().commandTimeout(), 0, true);
            awaitingCommand = true;
            try {
                if (stopping) {
                    return null;
                }
                return connection.lines().readLine(context.properties().maxLineLength());
            } catch (LineTooLongException e) {
                reply.err(null, "Line too long (at most " + context.properties().maxLineLength() + " octets)");
                reply.flush();
            } finally {
                awaitingCommand = false;
                connection.clearReadDeadline();
            }
        }
    }

    private void handle(byte[] line) throws IOException {
        long started = System.nanoTime();
        String name = "unknown";
        boolean ok = false;
        try {
            Pop3Request request = Pop3CommandParser.parse(line);
            Pop3Command command = context.commands().find(request.keyword())
                    .orElseThrow(() -> new Pop3Refusal("Unknown command"));
            name = command.name();
            // RFC 1939 §3: a command in the wrong state is answered -ERR
            if (!command.states().contains(state)) {
                throw new Pop3Refusal(name + " is not valid in the " + state + " state");
            }
            int count = request.arguments().size();
            if (count < command.minArguments() || count > command.maxArguments()) {
                throw new Pop3Refusal("Wrong number of arguments for " + name);
            }
            if (state == Pop3State.TRANSACTION) {
                renewLease();
            }
            command.run(this, request);
            ok = true;
        } catch (RuntimeException e) {
            FailureMapping.answer(e, name, reply);
        }
        context.metrics().command(name, ok, started);
    }

    /**
     * Called from another thread when the server stops; never blocks. A session waiting for a command is
     * closed at once (its lock is released as its thread ends, nothing is deleted: RFC 1939 §6); one running a
     * command finishes it first.
     */
    public void shutdown() {
        stopping = true;
        if (awaitingCommand) {
            connection.abort();
        }
    }

    /** A last -ERR before the server closes the connection (timeouts). */
    private void goodbye(String text) {
        try {
            reply.err(null, text);
            reply.flush();
        } catch (IOException e) {
            log.debug("POP3 goodbye not sent: {}", e.getMessage());
        }
    }

    // ---- for the commands

    public ReplyWriter reply() {
        return reply;
    }

    public Pop3Context context() {
        return context;
    }

    public Connection connection() {
        return connection;
    }

    public Pop3State state() {
        return state;
    }

    /** The name USER gave, waiting for PASS (RFC 1939 §7); null when none. */
    public String pendingUser() {
        return pendingUser;
    }

    public void pendingUser(String user) {
        this.pendingUser = user;
    }

    /** The maildrop of a session in the TRANSACTION state. */
    public Maildrop maildrop() {
        return maildrop;
    }

    /**
     * Whether USER, PASS and AUTH may be used now: over TLS, or from loopback when
     * {@code courriel.imap.allow-plaintext-loopback} allows (RFC 2595 §2.2: no password in the clear).
     */
    public boolean loginAllowed() {
        return connection.isSecure()
                || (context.imap().allowPlaintextLoopback() && connection.remoteAddress().isLoopbackAddress());
    }

    /** After STLS: new streams for the replies; the command reader is the connection's new one. */
    public void tlsStarted() {
        reply = new ReplyWriter(connection.out());
        pendingUser = null;
    }

    /**
     * Reads a SASL response line (RFC 5034 §4) within the command timeout and line bound; null at end of stream.
     */
    public String readResponseLine() throws IOException {
        connection.readDeadline(context.properties().commandTimeout(), 0, false);
        try {
            byte[] line = connection.lines().readLine(context.properties().maxLineLength());
            return line == null ? null : new String(line, StandardCharsets.US_ASCII);
        } catch (LineTooLongException e) {
            throw new Pop3Refusal("Line too long");
        } finally {
            connection.clearReadDeadline();
        }
    }

    /**
     * Checks the credentials through the shared login throttling ({@code courriel.auth.*}, counted with
     * protocol {@code pop3}), then locks and opens the INBOX. A throttled attempt looks like a failed one.
     */
    public void login(String user, String password) throws IOException {
        login(context.logins().login("pop3", connection.remoteAddress(), user, password));
    }

    /** A SCRAM-SHA-256 exchange (RFC 7677) with the same throttling as {@link #login(String, String)}. */
    public ScramLogin scram() {
        return context.logins().scram("pop3", connection.remoteAddress());
    }

    /** Opens the INBOX after a successful login; refuses otherwise. */
    public void login(LoginResult result) throws IOException {
        AccountInfo account = switch (result) {
            case LoginResult.Success s -> s.account();
            case LoginResult.Failure f -> null;
            case LoginResult.Throttled t -> null;
        };
        if (account == null) {
            throw new Pop3Refusal(ResponseCode.AUTH, "Authentication failed"); // RFC 3206 §4
        }
        open(account);
    }

    /** RFC 1939 §4: the lock first, then the snapshot under it; the TRANSACTION state. */
    private void open(AccountInfo account) throws IOException {
        MailboxInfo inbox = context.mailboxes().get(account.id(), MailboxName.INBOX);
        Duration leaseLength = context.properties().lockLease();
        lease = context.leases().acquire(inbox.id(), leaseLength)
                .orElseThrow(() -> new Pop3Refusal(ResponseCode.IN_USE, "Maildrop in use by another session")); // RFC 2449 §8.1.2
        leaseRenewedNanos = System.nanoTime();
        try {
            maildrop = snapshot(context.mailboxes().refresh(inbox));
            connection.setReadTimeout(context.properties().idleTimeout());
        } catch (RuntimeException | IOException e) {
            releaseLease();
            throw e;
        }
        state = Pop3State.TRANSACTION;
    }

    private Maildrop snapshot(MailboxInfo inbox) {
        List<MessageRecord> messages = new ArrayList<>();
        context.messages().scan(inbox.id(), UidSet.ALL, MessageFields.BASIC, messages::add);
        return new Maildrop(inbox, messages, context.messages()::content);
    }

    /** Keeps the lock while the client works: renewed when a third of its length has passed. */
    private void renewLease() {
        Duration length = context.properties().lockLease();
        if (System.nanoTime() - leaseRenewedNanos < length.toNanos() / 3) {
            return;
        }
        if (!context.leases().renew(lease, length)) {
            lease = null;
            done = true; // another session holds the maildrop now: this one must not act on it
            throw new Pop3Refusal(ResponseCode.SYS_TEMP, "Maildrop lock lost; nothing was deleted");
        }
        leaseRenewedNanos = System.nanoTime();
    }

    /**
     * QUIT (RFC 1939 §6): ends the session; from the TRANSACTION state, first the UPDATE state: the messages DELE
     * marked are removed in one store transaction, which IMAP sessions see as an expunge; returns how many.
     */
    public int quit() {
        done = true;
        if (state != Pop3State.TRANSACTION) {
            return 0;
        }
        try {
            List<Long> deleted = maildrop.deletedUids();
            if (deleted.isEmpty()) {
                return 0;
            }
            if (!context.leases().renew(lease, context.properties().lockLease())) {
                lease = null;
                throw new Pop3Refusal(ResponseCode.SYS_TEMP, "Maildrop lock lost; nothing was deleted");
            }
            return context.messages().remove(maildrop.inbox().id(), UidSet.ofSorted(deleted)).size();
        } finally {
            releaseLease(); // before the reply: a client that logs in again at once finds the maildrop free
        }
    }

    private void releaseLease() {
        if (lease == null) {
            return;
        }
        try {
            context.leases().release(lease);
        } catch (RuntimeException e) {
            // it lapses by itself after courriel.pop3.lock-lease
            log.warn("POP3 lock on mailbox {} not released: {}", lease.mailboxId(), e.toString());
        }
        lease = null;
    }
}
