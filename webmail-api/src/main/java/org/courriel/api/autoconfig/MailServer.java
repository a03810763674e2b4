package org.courriel.api.autoconfig;

/**
 * One server a client may use for an account: what it speaks, where, and how the connection is secured.
 *
 * @param protocol what the server speaks
 * @param host     the public host name
 * @param port     the public port
 * @param security how TLS starts
 */
public record MailServer(Protocol protocol, String host, int port, Security security) {

    /** Protocols described to clients. ManageSieve (RFC 5804) goes here when Courriel speaks it. */
    public enum Protocol {
        /** IMAP4rev2 (RFC 9051) and IMAP4rev1. */
        IMAP,
        /** POP3 (RFC 1939), offered after IMAP. */
        POP3,
        /** Message submission (RFC 6409). */
        SUBMISSION
    }

    /** RFC 8314: implicit TLS is preferred over STARTTLS (§3). */
    public enum Security {
        /** TLS from the first byte (RFC 8314 §3). */
        IMPLICIT_TLS,
        /** Plain text upgraded by STARTTLS before authentication. */
        STARTTLS
    }

    public boolean implicitTls() {
        return security == Security.IMPLICIT_TLS;
    }
}
