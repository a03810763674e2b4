package org.courriel.mta.relay;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** An open, greeted session with one server; carries messages one after another until closed. */
public final class SmtpClientSession implements Closeable {

    private final SmtpClientConnection connection;
    private final EhloExtensions extensions;
    private final RelayTarget target;
    private final RelayProperties.Timeouts timeouts;
    private final MxAuthentication mxAuthentication;
    private boolean broken;

    SmtpClientSession(SmtpClientConnection connection, EhloExtensions extensions, RelayTarget target,
            RelayProperties.Timeouts timeouts, MxAuthentication mxAuthentication) {
        this.mxAuthentication = mxAuthentication;
        this.connection = connection;
        this.extensions = extensions;
        this.target = target;
        this.timeouts = timeouts;
    }

    public EhloExtensions extensions() {
        return extensions;
    }

    public RelayTarget target() {
        return target;
    }

    /** False once a failure left the connection unfit for another message. */
    public boolean isUsable() {
        return !broken;
    }

    public boolean isSecure() {
        return connection.isSecure();
    }

    /**
     * Transfers one message. On an I/O failure the session is broken (and closed by {@link #close()}); the
     * message's fate at the server is unknown, so the caller defers its recipients.
     */
    public List<RecipientResult> send(OutboundMessage message) throws IOException {
        if (broken) {
            throw new IOException("session with " + target + " is broken");
        }
        RemoteReply refusal = RequireTls.refusal(message.requireTls(), target, new RequireTls.Session(
                connection.isSecure(), connection.isVerified(), mxAuthentication.authenticated(target),
                extensions.requireTls()));
        if (refusal != null) {
            return message.recipients().stream().map(r -> new RecipientResult(r, refusal, false)).toList();
        }
        try {
            MailTransaction transaction = new MailTransaction(connection, extensions, timeouts);
            List<RecipientResult> results = transaction.send(message);
            broken = transaction.leftSessionBroken();
            return results;
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    /** QUIT (RFC 5321 §4.1.1.10), then close; errors on the way out do not matter. */
    @Override
    public void close() {
        try {
            if (!broken) {
                connection.exchange("QUIT", timeouts.command());
            }
        } catch (IOException e) {
            // the server went first
        } finally {
            connection.close();
        }
    }
}
