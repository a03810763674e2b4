package org.courriel.mta.smtp.session;

import org.courriel.access.net.ServedSession;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.courriel.access.net.Channel;
import org.courriel.mta.maillog.MailOrigin;
import org.courriel.access.net.LineTooLongException;
import org.courriel.access.net.ReadDeadlineException;
import org.courriel.mta.smtp.body.MessageBody;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.reply.SmtpReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP session: reads command lines and hands each to the {@link SmtpDispatcher}, which checks it against
 * the state it needs (RFC 5321 §4.1.4), runs it and maps its failures to replies in one place. Replies are
 * flushed when no further pipelined input is waiting (RFC 2920 §3.2). Commands see the session as a
 * {@link CommandSession}. Too many failed commands, a timeout or a shutdown end the session with 421.
 * <p>
 * Time is bounded on both sides: the command timeout bounds the whole reception of a command line and the
 * data timeout with the minimum data rate that of the content (421 4.4.2 past them), and the listener's write
 * timeout closes the connection of a client that does not read what it asked for.
 */
public final class SmtpSession implements CommandSession, ServedSession {

    private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);

    private final SmtpContext context;
    private final SmtpDispatcher dispatcher;
    private final Channel channel;
    private final String id = UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    private SessionState state = SessionState.CONNECTED;
    private String heloName;
    private boolean extended;
    private Long accountId;
    /** The authenticated account's address, for the mail log; null before AUTH. */
    private String accountAddress;
    private Transaction transaction;
    private int errors;
    private volatile boolean closing;
    /** The server is stopping ({@link #shutdown()}). */
    private volatile boolean stopping;
    /** The session thread is between commands, waiting for the next line: a shutdown may close it at once. */
    private volatile boolean awaitingCommand;
    private final AtomicBoolean shutdownNoticeSent = new AtomicBoolean();
    /** Orders replies written by the session thread and the shutdown notice written by another. */
    private final Object writeLock = new Object();

    public SmtpSession(SmtpContext context, SmtpDispatcher dispatcher, Channel channel) {
        this.context = context;
        this.dispatcher = dispatcher;
        this.channel = channel;
    }

    /** Runs the session until QUIT, end of stream, a timeout, too many errors or a shutdown. */
    public void run() throws IOException {
        context.metrics().sessionStarted();
        if (channel.isSecure()) {
            context.metrics().tlsHandshake("success");
        }
        if (talksBeforeGreeting()) {
            return;
        }
        reply(Reply.SERVICE_READY.with(context.hostname() + " " + Reply.SERVICE_READY.text()));
        try {
            while (!closing) {
                if (!channel.hasBufferedInput()) {
                    flush();
                }
                // RFC 5321 §4.5.3.2.7: the command timeout bounds the whole wait for a command line, not each
                // read, so a client dribbling a byte at a time cannot hold the session for ever; AUTH responses,
                // DATA and BDAT set their own deadlines; running the command is under none.
                channel.setReadTimeout(context.properties().commandTimeout());
                channel.readDeadline(context.properties().commandTimeout(), 0, false);
                byte[] line;
                awaitingCommand = true;
                try {
                    if (stopping) {
                        break;
                    }
                    line = channel.readLine(context.properties().maxCommandLine());
                } catch (LineTooLongException e) {
                    // RFC 5321 §4.5.3.1.4 and §4.5.3.1.9: too long a command line is refused.
                    reply(Reply.LINE_TOO_LONG);
                    continue;
                } finally {
                    awaitingCommand = false;
                }
                channel.clearReadDeadline();
                if (line == null) {
                    return;
                }
                if (talksAhead(line)) {
                    break;
                }
                dispatcher.dispatch(new String(line, StandardCharsets.UTF_8), this);
            }
            if (stopping) {
                sendShutdownNotice();
            }
        } catch (ReadDeadlineException e) {
            log.info("Session {} from {}: the client sent too slowly (state {}), closing", id,
                    channel.remoteAddress().getHostAddress(), state);
            context.metrics().timeout("deadline");
            reply(Reply.TIMEOUT);
        } catch (SocketTimeoutException e) {
            // RFC 5321 §4.5.3.2.7: the server may close after its timeout, saying so first.
            context.metrics().timeout("idle");
            reply(Reply.TIMEOUT);
        } catch (EOFException e) {
            log.debug("Session {} ended by the client inside content", id);
        } finally {
            dropTransaction();
            try {
                flush();
            } catch (IOException e) {
                log.debug("Session {}: final flush failed: {}", id, e.toString());
            }
        }
    }

    /**
     * RFC 5321 §4.3.1: a client must wait for the greeting. On the MX, after {@code courriel.smtp.mx.greet-pause},
     * one that already sent something is told 554 5.5.0 and closed (spam software often talks at once).
     */
    private boolean talksBeforeGreeting() throws IOException {
        var checks = context.intake().earlyTalkers(this);
        if (!checks.refusesEarlyTalkers(channel.remoteAddress())) {
            return false;
        }
        Duration pause = checks.greetPause(channel.remoteAddress());
        if (pause.isPositive()) {
            try {
                Thread.sleep(pause); // the pause is the check: a virtual thread waits, no platform thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        if (!channel.hasBufferedInput()) {
            return false;
        }
        refuseEarlyTalker("before the greeting");
        return true;
    }

    /** RFC 2920 §3.1: these end a group; the client must wait for their reply before it sends more. */
    private static final java.util.Set<String> ENDS_GROUP = java.util.Set.of("EHLO", "HELO", "DATA", "VRFY", "EXPN",
            "TURN", "NOOP");

    /**
     * Input already waiting behind a command after which the client must wait for the reply: one that ends a
     * group (RFC 2920 §3.1), or any after HELO, which offers no PIPELINING. Checked on the MX before the command
     * runs, so nothing of it is carried out.
     */
    private boolean talksAhead(byte[] line) throws IOException {
        int space = 0;
        while (space < line.length && line[space] != ' ') {
            space++;
        }
        String verb = new String(line, 0, Math.min(space, 8), StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT);
        boolean mustWait = ENDS_GROUP.contains(verb) || (state != SessionState.CONNECTED && !extended);
        if (!mustWait || !channel.hasBufferedInput()
                || !context.intake().earlyTalkers(this).refusesEarlyTalkers(channel.remoteAddress())) {
            return false;
        }
        refuseEarlyTalker("ahead of the reply to " + verb);
        return true;
    }

    private void refuseEarlyTalker(String when) throws IOException {
        log.info("Session {} from {}: input {}, refused", id, channel.remoteAddress().getHostAddress(), when);
        context.intake().earlyTalkers(this).earlyTalker(); // courriel_spam_sanity_refused_total{check="early-talker"}
        reply(Reply.EARLY_TALKER);
        flush();
    }

    @Override
    public void reply(SmtpReply reply) throws IOException {
        synchronized (writeLock) {
            channel.out().write(reply.encode());
        }
        if (reply.code() >= 500) {
            errors++;
            if (errors >= context.properties().maxErrors() && !closing) {
                synchronized (writeLock) {
                    channel.out().write(Reply.TOO_MANY_ERRORS.reply().encode());
                }
                closing = true;
            }
        }
    }

    /**
     * Called from another thread when the server stops; never blocks. A session waiting for a command is told
     * 421 4.3.2 (RFC 5321 §3.8: 421 may be sent at any time) and closed, on a thread of its own because a
     * client that does not read could block that write; a session inside a command finishes it (a message
     * being stored is stored and acknowledged), then says 421 itself. The listener closes whatever is still
     * open after its shutdown grace.
     */
    public void shutdown() {
        stopping = true;
        closing = true;
        // stopping is written before awaitingCommand is read, and the session does the reverse: at least one
        // of the two sees the other, and sendShutdownNotice runs once.
        if (awaitingCommand) {
            Thread.ofVirtual().name("smtp-" + id + "-shutdown").start(() -> {
                if (sendShutdownNotice()) {
                    channel.abort();
                }
            });
        }
    }

    /** Writes and flushes the 421 4.3.2 shutdown notice unless it was sent already; whether this call sent it. */
    private boolean sendShutdownNotice() {
        if (!shutdownNoticeSent.compareAndSet(false, true)) {
            return false;
        }
        synchronized (writeLock) {
            try {
                channel.out().write(Reply.SHUTTING_DOWN.with(context.hostname() + " " + Reply.SHUTTING_DOWN.text()).encode());
                channel.out().flush();
            } catch (IOException e) {
                log.debug("Session {}: shutdown notice not sent: {}", id, e.toString());
            }
        }
        return true;
    }

    @Override
    public void reply(Reply reply) throws IOException {
        reply(reply.reply());
    }

    @Override
    public void flush() throws IOException {
        synchronized (writeLock) {
            channel.out().flush();
        }
    }

    // --- state used by the commands ---

    @Override
    public SmtpContext context() {
        return context;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public void greeted(String name, boolean ehlo) {
        heloName = name;
        extended = ehlo;
        dropTransaction();
        state = SessionState.READY;
    }

    @Override
    public String heloName() {
        return heloName;
    }

    @Override
    public boolean isAuthenticated() {
        return accountId != null;
    }

    @Override
    public Long accountId() {
        return accountId;
    }

    @Override
    public void authenticated(long id, String address) {
        accountId = id;
        accountAddress = address;
    }

    /** Whether the client's address is loopback and the configuration trusts loopback without TLS. */
    private boolean trustedLoopback() {
        return context.properties().allowPlaintextAuthOnLoopback() && channel.remoteAddress().isLoopbackAddress();
    }

    @Override
    public boolean authOffered() {
        return context.kind().isSubmission() && !isAuthenticated() && (channel.isSecure() || trustedLoopback());
    }

    @Override
    public boolean needsTlsFirst() {
        return context.kind().isSubmission() && !channel.isSecure() && !trustedLoopback();
    }

    @Override
    public Transaction transaction() {
        return transaction;
    }

    @Override
    public void begin(Transaction tx) {
        transaction = tx;
        state = SessionState.MAIL;
    }

    @Override
    public void recipientAdded() {
        state = SessionState.RCPT;
    }

    @Override
    public void resetTransaction() {
        dropTransaction();
        if (state != SessionState.CONNECTED) {
            state = SessionState.READY;
        }
    }

    /** Forgets the transaction and gives back the content budget it held. */
    private void dropTransaction() {
        if (transaction != null) {
            transaction.releaseContent();
        }
        transaction = null;
    }

    @Override
    public void restartAfterTls() {
        heloName = null;
        extended = false;
        dropTransaction();
        accountId = null;
        accountAddress = null;
        state = SessionState.CONNECTED;
    }

    @Override
    public void close() {
        closing = true;
    }

    @Override
    public void finishMessage(MessageBody body) throws IOException {
        long started = System.nanoTime();
        Transaction tx = transaction;
        transaction = null;
        resetTransaction();
        boolean accepted;
        try {
            accepted = finish(tx, body);
        } finally {
            tx.releaseContent(); // the content's memory is the budget's again once it is stored or refused
        }
        context.metrics().messageReplied(Duration.ofNanos(System.nanoTime() - started), accepted);
    }

    /** The client's forward-confirmed reverse name, when MAIL looked it up. */
    private static String clientName(Transaction tx) {
        return tx.senderChecks() == null ? null : tx.senderChecks().clientName();
    }

    /** Refuses or delivers the message and replies; whether it was accepted. */
    private boolean finish(Transaction tx, MessageBody body) throws IOException {
        if (body.tooBig()) {
            context.metrics().messageRejected("too-big");
            reply(Reply.MESSAGE_TOO_BIG);
            return false;
        }
        if (body.overBudget()) {
            // Too many large messages in flight on this node: try again later (RFC 5321 §4.2.2 452, RFC 3463 X.3.1).
            context.metrics().messageRejected("memory");
            reply(Reply.SYSTEM_FULL);
            return false;
        }
        if (body.bareLineEnding()) {
            context.metrics().messageRejected("bare-line-ending");
            reply(Reply.BARE_LINE_ENDING);
            return false;
        }
        Arrival arrival = new Arrival(heloName, channel.remoteAddress(), context.hostname(), extended,
                channel.isSecure(), isAuthenticated(), id, context.kind().isSubmission(),
                ZonedDateTime.now(context.clock()), accountAddress);
        MessageIntake.Outcome outcome = context.intake().accept(tx, body.content(), arrival);
        if (outcome.accepted()) {
            context.metrics().messageAccepted(body.size());
            reply(outcome.reply().with(outcome.reply().text() + " " + id));
        } else {
            context.metrics().messageRejected(outcome.rejectReason());
            reply(outcome.reply());
        }
        return outcome.accepted();
    }
}
