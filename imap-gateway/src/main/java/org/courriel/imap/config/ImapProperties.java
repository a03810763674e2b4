package org.courriel.imap.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the IMAP gateway ({@code courriel.imap.*}). Changes take effect on restart.
 *
 * @param enabled                whether the IMAP listeners start at all
 * @param port                   port of the IMAP listener with STARTTLS (RFC 9051 §6.2.1); 0 picks a free port, -1 turns it off
 * @param bindAddress            address the listeners bind to; empty binds every interface
 * @param allowPlaintextLoopback whether LOGIN and AUTHENTICATE are allowed without TLS from a loopback client
 *                               (development and tests); from any other address they always need TLS
 * @param maxLineLength          longest command line accepted, in bytes; a longer line is answered with BAD
 * @param maxLiteralSize         largest literal accepted (APPEND message size included); larger is refused with [TOOBIG]
 * @param idleTimeout            how long a connection may stay silent, IDLE included (RFC 9051 §5.4: at least 30 minutes)
 * @param loginTimeout           how long a connection may stay silent before it has logged in
 * @param commandTimeout         how long a command may take to arrive, from its first byte to its end, however
 *                               short the pauses between bytes; literals add their size at {@code minDataRate}
 * @param minDataRate            bytes per second a command's literals (APPEND's message) must sustain: each byte
 *                               adds its time at this rate to the command timeout
 * @param fetchBatchSize         messages read from the store per batch while FETCH streams a large set
 * @param maxConnections         most IMAP connections at once on each listener
 * @param maxPendingUpdates      most mailbox changes queued for a session between two commands; past it the
 *                               session drops them and compares its view with the store at the next command; also
 *                               the bound on the events NOTIFY queues (RFC 5465 §5.8: past it NOTIFICATIONOVERFLOW)
 * @param maxConnectionsPerIp    most IMAP connections at once from one client address, on each listener
 * @param preAuthMaxLineLength   longest command line accepted before login, in bytes (never more than
 *                               {@code maxLineLength}); longer is answered BAD [TOOBIG]
 * @param preAuthMaxLiteralSize  largest literal accepted before login (never more than {@code maxLiteralSize}); larger
 *                               is refused with BAD [TOOBIG] before a byte of it is read (RFC 9051 §6.2 leaves the
 *                               bound to the server)
 * @param maxLiteralsInFlight    literal bytes all IMAP sessions may hold at once, both listeners together (never less
 *                               than {@code maxLiteralSize}); a literal that does not fit waits {@code literalBudgetWait},
 *                               then is refused with NO [UNAVAILABLE] (a non-synchronizing one ends the connection)
 * @param literalBudgetWait      how long a literal may wait for room in {@code maxLiteralsInFlight}
 * @param maxSearchDepth         how deep parentheses, NOT and OR may nest in one SEARCH; deeper is answered with BAD
 * @param maxSearchKeys          most search keys in one SEARCH, nested ones included; more is answered with BAD
 * @param subscribeOnCreate      whether CREATE also subscribes the new name (RFC 9051 §6.3.4 leaves it to the
 *                               server); off, as in Dovecot: clients that want it send SUBSCRIBE
 * @param maxCompressedSessions  most sessions of this node compressing at once (COMPRESS=DEFLATE, RFC 4978), both
 *                               listeners together; each holds about 300 KiB of zlib state, so this bounds that
 *                               memory; past it COMPRESS is answered NO [LIMIT] and the session goes on uncompressed
 */
@ConfigurationProperties("courriel.imap")
public record ImapProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1143") int port,
        @DefaultValue("") String bindAddress,
        @DefaultValue("false") boolean allowPlaintextLoopback,
        @DefaultValue("65536") int maxLineLength,
        @DefaultValue("64MB") DataSize maxLiteralSize,
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("60s") Duration loginTimeout,
        @DefaultValue("2m") Duration commandTimeout,
        @DefaultValue("500B") DataSize minDataRate,
        @DefaultValue("200") int fetchBatchSize,
        @DefaultValue("20000") int maxConnections,
        @DefaultValue("50") int maxConnectionsPerIp,
        @DefaultValue("1000") int maxPendingUpdates,
        @DefaultValue("8192") int preAuthMaxLineLength,
        @DefaultValue("8KB") DataSize preAuthMaxLiteralSize,
        @DefaultValue("256MB") DataSize maxLiteralsInFlight,
        @DefaultValue("5s") Duration literalBudgetWait,
        @DefaultValue("100") int maxSearchDepth,
        @DefaultValue("1000") int maxSearchKeys,
        @DefaultValue("false") boolean subscribeOnCreate,
        @DefaultValue("1000") int maxCompressedSessions) {

    public ImapProperties {
        if (maxLineLength < 1024) {
            throw new IllegalArgumentException("courriel.imap.max-line-length must be at least 1024");
        }
        if (preAuthMaxLineLength < 1024) {
            throw new IllegalArgumentException("courriel.imap.pre-auth-max-line-length must be at least 1024");
        }
        if (maxPendingUpdates < 1) {
            throw new IllegalArgumentException("courriel.imap.max-pending-updates must be at least 1");
        }
        if (minDataRate.toBytes() < 1) {
            throw new IllegalArgumentException("courriel.imap.min-data-rate must be at least 1B");
        }
        if (maxSearchDepth < 1 || maxSearchKeys < 1) {
            throw new IllegalArgumentException("courriel.imap.max-search-depth and max-search-keys must be at least 1");
        }
        if (maxCompressedSessions < 0) {
            throw new IllegalArgumentException("courriel.imap.max-compressed-sessions must not be negative");
        }
        if (fetchBatchSize < 1) {
            throw new IllegalArgumentException("courriel.imap.fetch-batch-size must be at least 1");
        }
    }

    /** The line bound before login: the smaller of the two settings. */
    public int preAuthLineLimit() {
        return Math.min(preAuthMaxLineLength, maxLineLength);
    }

    /** The literal bound before login: the smaller of the two settings. */
    public long preAuthLiteralLimit() {
        return Math.min(preAuthMaxLiteralSize.toBytes(), maxLiteralSize.toBytes());
    }

    /** The literal budget: never less than one literal of the largest size. */
    public long literalBudget() {
        return Math.max(maxLiteralsInFlight.toBytes(), maxLiteralSize.toBytes());
    }
}
