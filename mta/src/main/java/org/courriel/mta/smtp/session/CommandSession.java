package org.courriel.mta.smtp.session;

import java.io.IOException;

import org.courriel.access.net.Channel;
import org.courriel.mta.smtp.body.MessageBody;
import org.courriel.mta.smtp.reply.Reply;
import org.courriel.mta.smtp.reply.SmtpReply;

/**
 * What an SMTP command may see and do of its session: reply, read from the channel, and move the session
 * through its states (RFC 5321 §4.1.4) by the few transitions the protocol has. The command loop, the error
 * count and the shutdown belong to {@link SmtpSession} alone.
 */
public interface CommandSession {

    SmtpContext context();

    /** The connection, for STARTTLS, AUTH's responses and message content. */
    Channel channel();

    /** The session's identifier, in logs, trace fields and the 250 after a message. */
    String id();

    SessionState state();

    /** Sends a reply (buffered until {@link #flush()} or the next read). */
    void reply(SmtpReply reply) throws IOException;

    void reply(Reply reply) throws IOException;

    /** Sends the pending replies now (before reading content or starting TLS). */
    void flush() throws IOException;

    /** Ends the session after the pending replies (QUIT, or input that cannot be followed). */
    void close();

    // --- who the client is

    /** HELO or EHLO done: forgets any transaction (RFC 5321 §4.1.4). */
    void greeted(String name, boolean ehlo);

    /** The name given in HELO/EHLO, null before. */
    String heloName();

    boolean isAuthenticated();

    /** The authenticated account, or null. */
    Long accountId();

    /** AUTH succeeded as {@code address} (for the mail log), account {@code accountId}. */
    void authenticated(long accountId, String address);

    /** AUTH is offered on submission listeners, and only over TLS unless loopback is trusted (RFC 4954 §4). */
    boolean authOffered();

    /** RFC 8314 §3.3, RFC 6409: submission needs TLS before anything else that matters. */
    boolean needsTlsFirst();

    /** After STARTTLS: everything learnt before the handshake is forgotten (RFC 3207 §4.2). */
    void restartAfterTls();

    // --- the mail transaction

    /** The transaction under way, or null. */
    Transaction transaction();

    /** MAIL accepted: the session is in the MAIL state. */
    void begin(Transaction tx);

    /** A RCPT accepted: the session is in the RCPT state. */
    void recipientAdded();

    /** Ends the transaction (RSET, a refused message): the session is back to READY (RFC 5321 §4.1.1.5). */
    void resetTransaction();

    /**
     * Finishes the transaction once its content is read (DATA's end, BDAT LAST): refuses a too-big message or
     * one with bare line endings, otherwise hands it to the intake; replies either way and resets the
     * transaction.
     */
    void finishMessage(MessageBody body) throws IOException;
}
