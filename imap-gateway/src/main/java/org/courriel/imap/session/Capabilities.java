package org.courriel.imap.session;

/**
 * The capability list (RFC 9051 §7.2.2): only what is implemented. Before login it names the ways to log
 * in; LOGINDISABLED while LOGIN is refused (no TLS yet, RFC 9051 §6.2.3).
 */
public final class Capabilities {

    /** Extensions available once logged in. */
    static final String AFTER_LOGIN = "IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR ENABLE IDLE UIDPLUS MOVE UNSELECT"
            + " NAMESPACE ID SPECIAL-USE LIST-EXTENDED LIST-STATUS CONDSTORE QRESYNC ESEARCH STATUS=SIZE"
            + " QUOTA QUOTA=RES-STORAGE UTF8=ACCEPT BINARY CHILDREN";

    private Capabilities() {
    }

    public static String of(ImapSession session) {
        if (session.state() != SessionState.NOT_AUTHENTICATED) {
            return AFTER_LOGIN;
        }
        StringBuilder sb = new StringBuilder("IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR ENABLE ID");
        if (!session.connection().isSecure() && session.connection().canStartTls()) {
            sb.append(" STARTTLS");
        }
        if (session.loginAllowed()) {
            sb.append(" AUTH=PLAIN AUTH=SCRAM-SHA-256");
        } else {
            sb.append(" LOGINDISABLED");
        }
        return sb.toString();
    }
}
