package org.courriel.mta.relay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Transfers one message over an open session: MAIL, RCPT for each recipient, DATA (RFC 5321 §3.3), all in one
 * flight when the server offers PIPELINING (RFC 2920 §3.1), one command at a time otherwise.
 */
final class MailTransaction {

    private static final int CHUNK = 64 * 1024;

    private final SmtpClientConnection connection;
    private final EhloExtensions extensions;
    private final RelayProperties.Timeouts timeouts;
    private boolean broken;

    MailTransaction(SmtpClientConnection connection, EhloExtensions extensions, RelayProperties.Timeouts timeouts) {
        this.connection = connection;
        this.extensions = extensions;
        this.timeouts = timeouts;
    }

    /**
     * One result per recipient, in order. An I/O failure is thrown: the caller does not know what the server
     * kept, so nothing is marked delivered.
     */
    List<RecipientResult> send(OutboundMessage message) throws IOException {
        RemoteReply refusal = localRefusal(message);
        if (refusal != null) {
            return all(message, refusal);
        }
        String mail = mailCommand(message);
        List<String> rcpts = message.recipients().stream().map(this::rcptCommand).toList();
        RemoteReply mailReply;
        List<RemoteReply> rcptReplies = new ArrayList<>();
        RemoteReply dataReply;
        if (extensions.pipelining()) {
            // RFC 2920 §3.1: MAIL, every RCPT and DATA in one flight, replies read in order
            connection.command(mail);
            for (String rcpt : rcpts) {
                connection.command(rcpt);
            }
            connection.command("DATA");
            connection.flush();
            mailReply = connection.reply(timeouts.command());
            for (int i = 0; i < rcpts.size(); i++) {
                rcptReplies.add(connection.reply(timeouts.command()));
            }
            dataReply = connection.reply(timeouts.dataInitiation());
        } else {
            mailReply = connection.exchange(mail, timeouts.command());
            if (!mailReply.isPositive()) {
                return all(message, mailReply);
            }
            for (String rcpt : rcpts) {
                rcptReplies.add(connection.exchange(rcpt, timeouts.command()));
            }
            if (rcptReplies.stream().noneMatch(RemoteReply::isPositive)) {
                reset();
                return results(message, rcptReplies, null);
            }
            dataReply = connection.exchange("DATA", timeouts.dataInitiation());
        }
        if (!mailReply.isPositive()) {
            if (dataReply.code() == 354) {
                endEmptyData();
            }
            reset();
            return all(message, mailReply);
        }
        boolean anyAccepted = rcptReplies.stream().anyMatch(RemoteReply::isPositive);
        if (dataReply.code() != 354) {
            reset();
            return results(message, rcptReplies, dataReply);
        }
        if (!anyAccepted) {
            endEmptyData(); // RFC 2920 §3.1: a 354 with no recipient accepted still needs the dot
            reset();
            return results(message, rcptReplies, null);
        }
        DotStuffingOutputStream data = new DotStuffingOutputStream(connection.output());
        byte[] content = message.content();
        for (int off = 0; off < content.length; off += CHUNK) {
            int from = off;
            int len = Math.min(CHUNK, content.length - off);
            connection.guardedWrite(() -> {
                data.write(content, from, len);
                data.flush();
            });
        }
        connection.guardedWrite(() -> {
            data.finish();
            data.flush();
        });
        RemoteReply finalReply = connection.reply(timeouts.dataTermination());
        return results(message, rcptReplies, finalReply);
    }

    /** Refusals decided before talking: size, SMTPUTF8 and 8BITMIME the server cannot take. */
    private RemoteReply localRefusal(OutboundMessage message) {
        if (extensions.size() && extensions.maxSize() > 0 && message.content().length > extensions.maxSize()) {
            return LocalReply.tooBig(message.content().length, extensions.maxSize()); // RFC 1870 §6
        }
        if (message.needsSmtpUtf8() && !extensions.smtpUtf8()) {
            return LocalReply.needsSmtpUtf8(); // RFC 6531 §3.2: without SMTPUTF8 the message must not be sent
        }
        if (message.eightBit() && !extensions.eightBitMime()) {
            return LocalReply.needsEightBitMime(); // RFC 6152 §3: returned, not sent (no 7-bit downgrade)
        }
        return null;
    }

    private String mailCommand(OutboundMessage message) {
        StringBuilder mail = new StringBuilder("MAIL FROM:<").append(message.sender()).append('>');
        if (extensions.size()) {
            mail.append(" SIZE=").append(message.content().length); // RFC 1870 §5
        }
        if (message.eightBit() && extensions.eightBitMime()) {
            mail.append(" BODY=8BITMIME"); // RFC 6152 §3
        }
        if (message.needsSmtpUtf8() && extensions.smtpUtf8()) {
            mail.append(" SMTPUTF8"); // RFC 6531 §3.4
        }
        if (message.requireTls()) {
            mail.append(" REQUIRETLS"); // RFC 8689 §4.2.1 step 5: RequireTls let it through only if offered
        }
        if (extensions.dsn()) { // RFC 3461 §4.3, §4.4, passed on to a DSN server (§5.2.2)
            if (message.ret() != null) {
                mail.append(" RET=").append(message.ret().name());
            }
            if (message.envId() != null) {
                mail.append(" ENVID=").append(message.envId());
            }
        }
        return mail.toString();
    }

    private String rcptCommand(OutboundMessage.Recipient recipient) {
        StringBuilder rcpt = new StringBuilder("RCPT TO:<").append(recipient.address()).append('>');
        if (extensions.dsn()) { // RFC 3461 §4.1, §4.2
            if (!recipient.notifyOn().isEmpty()) {
                rcpt.append(" NOTIFY=").append(recipient.notifyOn().stream().sorted()
                        .map(n -> n.name().toUpperCase(Locale.ROOT)).collect(Collectors.joining(",")));
            }
            if (recipient.orcpt() != null) {
                rcpt.append(" ORCPT=").append(recipient.orcpt());
            }
        }
        return rcpt.toString();
    }

    private void endEmptyData() throws IOException {
        connection.command(".");
        connection.flush();
        connection.reply(timeouts.dataTermination());
    }

    /**
     * RFC 5321 §4.1.1.5: back to a clean state before the next transaction. A server that closed the
     * connection (after a 421, say) leaves the session unusable, but the replies already read still count.
     */
    private void reset() {
        try {
            RemoteReply reply = connection.exchange("RSET", timeouts.command());
            broken = !reply.isPositive();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** The session cannot carry another transaction (the RSET after this one failed). */
    boolean leftSessionBroken() {
        return broken;
    }

    /** Each recipient: its RCPT refusal, or else the final reply (null final: not sent, deferred as refused). */
    private List<RecipientResult> results(OutboundMessage message, List<RemoteReply> rcptReplies, RemoteReply last) {
        List<RecipientResult> results = new ArrayList<>();
        for (int i = 0; i < message.recipients().size(); i++) {
            RemoteReply rcpt = rcptReplies.get(i);
            RemoteReply decisive = !rcpt.isPositive() || last == null ? rcpt : last;
            results.add(new RecipientResult(message.recipients().get(i), decisive, extensions.dsn()));
        }
        return results;
    }

    private List<RecipientResult> all(OutboundMessage message, RemoteReply reply) {
        return message.recipients().stream().map(r -> new RecipientResult(r, reply, extensions.dsn())).toList();
    }
}
