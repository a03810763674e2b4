package org.courriel.mta.smtp.reply;

/**
 * Every reply the server sends, with its basic code (RFC 5321 §4.2) and enhanced status code (RFC 3463,
 * RFC 5248 registry; sent on every reply but the greeting, the HELO/EHLO replies and intermediate 334/354
 * replies, RFC 2034 §3). Handlers pick a constant; the text may be replaced with {@link #with(String)}.
 */
public enum Reply {

    // 2xx
    HELP(214, "2.0.0", "See RFC 5321; commands: HELO EHLO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH"),
    SERVICE_READY(220, null, "ESMTP Courriel ready"),
    READY_FOR_TLS(220, "2.0.0", "Ready to start TLS"),
    CLOSING(221, "2.0.0", "Bye"),
    AUTHENTICATED(235, "2.7.0", "Authentication successful"),
    HELLO(250, null, "Hello"),
    OK(250, "2.0.0", "OK"),
    SENDER_OK(250, "2.1.0", "Sender OK"),
    RECIPIENT_OK(250, "2.1.5", "Recipient OK"),
    CHUNK_OK(250, "2.0.0", "Chunk received"),
    MESSAGE_ACCEPTED(250, "2.0.0", "Message accepted for delivery"),
    RESET(250, "2.0.0", "Reset"),
    CANNOT_VRFY(252, "2.5.0", "Cannot VRFY user, but will accept a message and attempt delivery"),
    // 3xx (no enhanced codes)
    AUTH_CHALLENGE(334, null, ""),
    START_MAIL_INPUT(354, null, "End data with <CR><LF>.<CR><LF>"),
    // 4xx
    TOO_MANY_ERRORS(421, "4.7.0", "Too many errors, closing connection"),
    TIMEOUT(421, "4.4.2", "Timeout, closing connection"),
    /** RFC 5321 §5.1: DNS could not say whether the sender domain exists; the client tries again. */
    SENDER_DOMAIN_TEMPORARY(450, "4.1.8", "Sender address deferred: its domain cannot be resolved now"),
    TOO_MANY_CONNECTIONS(421, "4.7.0", "Too many connections, try again later"),
    SHUTTING_DOWN(421, "4.3.2", "Service shutting down, try again later"),
    LOCAL_ERROR(451, "4.3.0", "Temporary failure, please try again later"),
    MAILBOX_FULL(452, "4.2.2", "Mailbox full"),
    // RFC 5321 §4.2.2 452 "insufficient system storage"; RFC 3463 X.3.1 "mail system full"
    SYSTEM_FULL(452, "4.3.1", "Insufficient system storage, try again later"),
    TOO_MANY_RECIPIENTS(452, "4.5.3", "Too many recipients"),
    // RFC 7489 §6.6.3, RFC 7208 §8.6: the sender's DNS failed for now (RFC 3463 X.4.3 directory server failure)
    SENDER_DNS_FAILURE(451, "4.4.3", "Cannot check the sender's domain for now (DNS failure), try again later"),
    // Issue #12: greylisting (a new client, sender and recipient wait once), the spam filter's soft reject, and an
    // authenticated sender over its hourly limit (RFC 3463 X.7.1 delivery not authorized)
    GREYLISTED(451, "4.7.1", "Greylisted, please try again in a few minutes"),
    SPAM_DEFERRED(451, "4.7.1", "Message deferred by the spam filter, try again later"),
    SEND_LIMITED(451, "4.7.1", "Hourly sending limit reached, try again later"),
    TLS_NOT_AVAILABLE(454, "4.7.0", "TLS not available"),
    AUTH_THROTTLED(454, "4.7.0", "Too many failed authentication attempts, try again later"),
    AUTH_TEMPORARY_FAILURE(454, "4.7.0", "Temporary authentication failure, try again later"),
    // 5xx syntax and sequence
    COMMAND_UNRECOGNIZED(500, "5.5.2", "Command unrecognized"),
    LINE_TOO_LONG(500, "5.5.6", "Line too long"),
    SYNTAX_ERROR(501, "5.5.4", "Syntax error in parameters or arguments"),
    BAD_SENDER_SYNTAX(501, "5.1.7", "Bad sender address syntax"),
    BAD_RECIPIENT_SYNTAX(501, "5.1.3", "Bad recipient address syntax"),
    AUTH_CANCELLED(501, "5.7.0", "Authentication cancelled"),
    AUTH_BAD_RESPONSE(501, "5.5.2", "Cannot decode the authentication response"),
    NOT_IMPLEMENTED(502, "5.5.1", "Command not implemented"),
    BAD_SEQUENCE(503, "5.5.1", "Bad sequence of commands"),
    MECHANISM_UNSUPPORTED(504, "5.5.4", "Unrecognized authentication mechanism"),
    PARAMETER_UNSUPPORTED(504, "5.5.4", "Parameter value not supported"),
    // 5xx refusals
    AUTH_REQUIRED(530, "5.7.0", "Authentication required"),
    TLS_REQUIRED(530, "5.7.0", "Must issue a STARTTLS command first"),
    REQUIRETLS_NEEDS_TLS(530, "5.7.10", "REQUIRETLS is only accepted over TLS"),
    AUTH_FAILED(535, "5.7.8", "Authentication credentials invalid"),
    ENCRYPTION_REQUIRED(538, "5.7.11", "Encryption required for requested authentication mechanism"),
    NO_SUCH_USER(550, "5.1.1", "No such user here"),
    /** RFC 5321 §5.1: the sender domain has neither MX nor A/AAAA records, so no reply could reach it. */
    SENDER_DOMAIN_UNKNOWN(550, "5.1.8", "Sender address rejected: its domain has no MX or address record"),
    /** RFC 7505 §4.2: the sender domain's null MX says it receives no mail. */
    SENDER_DOMAIN_NULL_MX(550, "5.7.27", "Sender address rejected: its domain accepts no mail (null MX)"),
    /** A HELO/EHLO name that is this server's own (docs/spam.md, sanity checks). */
    HELO_CLAIMS_US(550, "5.7.1", "HELO/EHLO name claims to be this server"),
    BARE_LINE_ENDING(550, "5.5.2", "Bare CR or LF in message content: lines must end with CRLF"),
    // RFC 7489 §6.6.4, §10.3: the From domain's policy asks that unauthenticated mail be refused
    DMARC_REJECTED(550, "5.7.1", "Message refused by the DMARC policy of its From domain"),
    SPAM_REJECTED(550, "5.7.1", "Message refused as spam"),
    MESSAGE_TOO_BIG(552, "5.3.4", "Message size exceeds fixed maximum message size"),
    SENDER_NOT_OWNED(553, "5.7.1", "Sender address not owned by the authenticated user"),
    NON_ASCII_ADDRESS(553, "5.6.7", "Non-ASCII address needs SMTPUTF8"),
    RELAY_DENIED(554, "5.7.1", "Relay access denied"),
    /** RFC 5782 §2: the client's address is on a DNS blocklist; the text names the list. */
    CLIENT_BLOCKLISTED(554, "5.7.1", "Client address listed by a DNS blocklist"),
    /** RFC 5429 §2.1.1: the recipient's Sieve script rejected the message. */
    REJECTED_BY_RECIPIENT(550, "5.7.1", "Message rejected by the recipient's filter"),
    RELAY_DISGUISE(554, "5.7.1", "Source routes, %-hacks, quoted local parts and address literals are not accepted"),
    NO_VALID_RECIPIENTS(554, "5.5.1", "No valid recipients"),
    /** RFC 5321 §4.3.1, RFC 2920 §3.1: input before the greeting, or ahead of a reply that must be awaited. */
    EARLY_TALKER(554, "5.5.0", "Protocol error: input sent before the server's reply, closing connection"),
    PARAMETER_UNRECOGNIZED(555, "5.5.4", "MAIL FROM/RCPT TO parameter not recognized or not implemented");

    private final int code;
    private final String enhanced;
    private final String text;

    Reply(int code, String enhanced, String text) {
        this.code = code;
        this.enhanced = enhanced;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** The enhanced status code ({@code class.subject.detail}), or null where none is sent. */
    public String enhanced() {
        return enhanced;
    }

    public String text() {
        return text;
    }

    /** Whether the reply is a permanent failure (5yz, RFC 5321 §4.2.1). */
    public boolean isPermanentFailure() {
        return code >= 500;
    }

    public SmtpReply reply() {
        return new SmtpReply(this, java.util.List.of(text));
    }

    /** This reply with another text (one line). */
    public SmtpReply with(String otherText) {
        return new SmtpReply(this, java.util.List.of(otherText));
    }
}
