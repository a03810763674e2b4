package org.courriel.mta.smtp.session;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.courriel.access.net.LineTooLongException;
import org.courriel.mta.smtp.command.SmtpCommand;
import org.courriel.mta.smtp.command.SmtpCommands;
import org.courriel.mta.smtp.body.MessageBody;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.reply.SmtpReply;
import org.courriel.mta.smtp.reply.StoreReplies;
import org.courriel.mta.smtp.syntax.CommandLine;
import org.courriel.mta.smtp.trace.TraceHeaders;
import org.courriel.store.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP session: reads command lines, checks each command against the state it needs (RFC 5321 §4.1.4),
 * runs it and writes its reply. Replies are flushed when no further pipelined input is waiting (RFC 2920 §3.2).
 * <p>
 * Failures map in one place: a syntax error is a 500/501 reply, an expected refusal the command's own
 * 4xx/5xx reply, a bug (a runtime exception in a command) 451 4.3.0 with an error log; the session lives on.
 * A failure in the store ({@link StoreReplies}: an unavailable database above all) is a refusal, logged at WARN.
 * Too many failed commands, a timeout or a shutdown end the session with 421.
 */
public final class SmtpSession {

    private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);

    private final SmtpContext context;
    private final SmtpChannel channel;
    private final String id = UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    private SessionState state = SessionState.CONNECTED;
    private String heloName;
    private boolean extended;
    private Long accountId;
    private String accountAddress;
    private Transaction transaction;
    private int errors;
    private volatile boolean closing;
    private final Object writeLock = new Object();

    public SmtpSession(SmtpContext context, SmtpChannel channel) {
        this.context = context;
        this.channel = channel;
    }

    /** Runs the session until QUIT, end of stream, a timeout or too many errors. */
    public void run() throws IOException {
        context.metrics().sessionStarted();
        if (channel.isSecure()) {
            context.metrics().tlsHandshake("success");
        }
        reply(Reply.SERVICE_READY.with(context.hostname() + " " + Reply.SERVICE_READY.text()));
        try {
            while (!closing) {
                if (!channel.hasBufferedInput()) {
                    flush();
                }
                channel.setReadTimeout(context.properties().commandTimeout());
                byte[] line;
                try {
                    line = channel.readLine(context.properties().maxCommandLine());
                } catch (LineTooLongException e) {
                    // RFC 5321 §4.5.3.1.4 and §4.5.3.1.9: too long a command line is refused.
                    reply(Reply.LINE_TOO_LONG);
                    continue;
                }
                if (line == null) {
                    return;
                }
                dispatch(new String(line, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            // RFC 5321 §4.5.3.2.7: the server may close after its timeout, saying so first.
            reply(Reply.TIMEOUT);
        } catch (EOFException e) {
            log.debug("Session {} ended by the client inside content", id);
        } finally {
            try {
                flush();
            } catch (IOException e) {
                log.debug("Session {}: final flush failed: {}", id, e.toString());
            }
        }
    }

    private void dispatch(String line) throws IOException {
        CommandLine command = CommandLine.parse(line);
        SmtpCommand handler = SmtpCommands.find(command.verb());
        if (handler == null) {
            reply(Reply.COMMAND_UNRECOGNIZED);
            return;
        }
        if (!handler.validIn().contains(state)) {
            reply(Reply.BAD_SEQUENCE.with(handler.sequenceHint(state)));
            return;
        }
        try {
            handler.execute(this, command.arguments());
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            var refusal = StoreReplies.forFailure(e);
            if (refusal.isPresent()) {
                log.warn("Session {}: {} failed in the store: {}", id, command.verb(), DatabaseUnavailable.describe(e));
                reply(refusal.get());
                return;
            }
            log.error("Session {}: {} failed", id, command.verb(), e);
            reply(Reply.LOCAL_ERROR);
        }
    }

    /** Sends a reply (buffered); counts failed commands and ends the session past the limit. */
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
     * Called from another thread when the server stops: tells the client (RFC 5321 §3.8: 421 may be sent at
     * any time) before the connection is closed under the session.
     */
    public void shutdown() {
        closing = true;
        synchronized (writeLock) {
            try {
                channel.out().write(Reply.SHUTTING_DOWN.with(context.hostname() + " " + Reply.SHUTTING_DOWN.text()).encode());
                channel.out().flush();
            } catch (IOException e) {
                log.debug("Session {}: shutdown notice not sent: {}", id, e.toString());
            }
        }
    }

    public void reply(Reply reply) throws IOException {
        reply(reply.reply());
    }

    /** Sends the pending replies now (before reading content or starting TLS). */
    public void flush() throws IOException {
        synchronized (writeLock) {
            channel.out().flush();
        }
    }

    // --- state used by the commands ---

    public SmtpContext context() {
        return context;
    }

    public SmtpChannel channel() {
        return channel;
    }

    public String id() {
        return id;
    }

    public SessionState state() {
        return state;
    }

    /** HELO or EHLO done: forgets any transaction (RFC 5321 §4.1.4). */
    public void greeted(String name, boolean ehlo) {
        heloName = name;
        extended = ehlo;
        transaction = null;
        state = SessionState.READY;
    }

    public boolean isExtended() {
        return extended;
    }

    public boolean isAuthenticated() {
        return accountId != null;
    }

    public Long accountId() {
        return accountId;
    }

    public void authenticated(long id, String address) {
        accountId = id;
        accountAddress = address;
    }

    public String accountAddress() {
        return accountAddress;
    }

    /** Whether the client's address is loopback and the configuration trusts loopback without TLS. */
    private boolean trustedLoopback() {
        return context.properties().allowPlaintextAuthOnLoopback() && channel.remoteAddress().isLoopbackAddress();
    }

    /** AUTH is offered on submission listeners, and only over TLS unless loopback is trusted (RFC 4954 §4). */
    public boolean authOffered() {
        return context.kind().isSubmission() && !isAuthenticated() && (channel.isSecure() || trustedLoopback());
    }

    /** RFC 8314 §3.3, RFC 6409: submission needs TLS before anything else that matters. */
    public boolean needsTlsFirst() {
        return context.kind().isSubmission() && !channel.isSecure() && !trustedLoopback();
    }

    public Transaction transaction() {
        return transaction;
    }

    public void begin(Transaction tx) {
        transaction = tx;
        state = SessionState.MAIL;
    }

    public void recipientAdded() {
        state = SessionState.RCPT;
    }

    /** Ends the transaction (RSET, end of content): the session is back to READY (RFC 5321 §4.1.1.5). */
    public void resetTransaction() {
        transaction = null;
        if (state != SessionState.CONNECTED) {
            state = SessionState.READY;
        }
    }

    /** After STARTTLS: everything learnt before the handshake is forgotten (RFC 3207 §4.2). */
    public void restartAfterTls() {
        heloName = null;
        extended = false;
        transaction = null;
        accountId = null;
        accountAddress = null;
        state = SessionState.CONNECTED;
    }

    public void close() {
        closing = true;
    }

    /**
     * Finishes the transaction once its content is read (DATA's end, BDAT LAST): refuses a too-big message or
     * one with bare line endings, otherwise delivers it; replies either way and resets the transaction.
     */
    public void finishMessage(MessageBody body) throws IOException {
        long started = System.nanoTime();
        boolean accepted = concludeMessage(body);
        context.metrics().messageReplied(Duration.ofNanos(System.nanoTime() - started), accepted);
    }

    /** @return whether the message was accepted (the reply is sent either way) */
    private boolean concludeMessage(MessageBody body) throws IOException {
        Transaction tx = transaction;
        resetTransaction();
        if (body.tooBig()) {
            context.metrics().messageRejected("too-big");
            reply(Reply.MESSAGE_TOO_BIG);
            return false;
        }
        if (body.bareLineEnding()) {
            context.metrics().messageRejected("bare-line-ending");
            reply(Reply.BARE_LINE_ENDING);
            return false;
        }
        ZonedDateTime now = ZonedDateTime.now(context.clock());
        String received = TraceHeaders.received(heloName, channel.remoteAddress(), context.hostname(),
                TraceHeaders.protocol(extended, tx.smtpUtf8(), channel.isSecure(), isAuthenticated()), id,
                MessageIntake.addresses(tx), now);
        MessageIntake.Outcome outcome = context.intake().accept(tx, body.content(), received,
                context.kind().isSubmission(), context.hostname(), now);
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
