package org.courriel.imap.session;

/**
 * The capability list (RFC 9051 §7.2.2): only what is implemented. Before login it names the ways to log
 * in; LOGINDISABLED while LOGIN is refused (no TLS yet, RFC 9051 §6.2.3).
 */
public final class Capabilities {

    /** Extensions available once logged in. */
    static final String AFTER_LOGIN = "IMAP4rev1 IMAP4rev2 LITERAL+ SASL-IR ENABLE IDLE UIDPLUS MOVE UNSELECT"
            + " NAMESPACE ID SPECIAL-USE LIST-EXTENDED LIST-STATUS CONDSTORE QRESYNC ESEARCH STATUS=SIZE"
            + " QUOTA QUOTA=RES-STORAGE UTF8=ACCEPT BINARY CHILDREN WITHIN COMPRESS=DEFLATE SEARCHRES MULTIAPPEND"
            + " SORT SORT=DISPLAY ESORT PARTIAL CONTEXT=SEARCH CONTEXT=SORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES"
            + " OBJECTID SAVEDATE PREVIEW CATENATE NOTIFY METADATA METADATA-SERVER"
            // RFC 4314 §5.1.1: RIGHTS= lists the rights beyond RFC 2086's, at least t, e, x and k
            + " ACL RIGHTS=texk LIST-MYRIGHTS";

    private Capabilities() {
    }

    /** The largest message APPEND takes (RFC 7889): the literal bound of a logged-in session. */
    public static long appendLimit(ImapSession session) {
        return session.context().properties().maxLiteralSize().toBytes();
    }

    public static String of(ImapSession session) {
        if (session.state() != SessionState.NOT_AUTHENTICATED) {
            // RFC 7889 §2: APPENDLIMIT=n, the same limit for every mailbox
            return AFTER_LOGIN + " APPENDLIMIT=" + appendLimit(session);
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
