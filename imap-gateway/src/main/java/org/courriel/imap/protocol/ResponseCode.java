package org.courriel.imap.protocol;

/** The response codes Courriel sends (RFC 9051 §7.1, RFC 4315, RFC 7162, RFC 3516), in one place. */
public enum ResponseCode {
    ALERT("ALERT"),
    ALREADYEXISTS("ALREADYEXISTS"),
    APPENDUID("APPENDUID"),
    AUTHENTICATIONFAILED("AUTHENTICATIONFAILED"),
    BADCHARSET("BADCHARSET"),
    /** RFC 4469 §4.1: a CATENATE URL that names nothing here. */
    BADURL("BADURL"),
    /** RFC 5465 §3.1: an event NOTIFY does not support, with the list of those it does. */
    BADEVENT("BADEVENT"),
    CANNOT("CANNOT"),
    CAPABILITY("CAPABILITY"),
    CLIENTBUG("CLIENTBUG"),
    CLOSED("CLOSED"),
    /** RFC 4978 §3: compression is already on. */
    COMPRESSIONACTIVE("COMPRESSIONACTIVE"),
    CONTACTADMIN("CONTACTADMIN"),
    COPYUID("COPYUID"),
    EXPUNGEISSUED("EXPUNGEISSUED"),
    HIGHESTMODSEQ("HIGHESTMODSEQ"),
    LIMIT("LIMIT"),
    /** RFC 8474 §4.1, §4.2: the MAILBOXID of a created or selected mailbox. */
    MAILBOXID("MAILBOXID"),
    /** RFC 5464 §5: METADATA LONGENTRIES n, MAXSIZE n, TOOMANY, NOPRIVATE. */
    METADATA("METADATA"),
    MODIFIED("MODIFIED"),
    NOMODSEQ("NOMODSEQ"),
    NONEXISTENT("NONEXISTENT"),
    /** RFC 5465 §5.8: notifications stopped, as after NOTIFY NONE. */
    NOTIFICATIONOVERFLOW("NOTIFICATIONOVERFLOW"),
    NOPERM("NOPERM"),
    OVERQUOTA("OVERQUOTA"),
    PERMANENTFLAGS("PERMANENTFLAGS"),
    PRIVACYREQUIRED("PRIVACYREQUIRED"),
    READ_ONLY("READ-ONLY"),
    READ_WRITE("READ-WRITE"),
    SERVERBUG("SERVERBUG"),
    TOOBIG("TOOBIG"),
    TRYCREATE("TRYCREATE"),
    UIDNEXT("UIDNEXT"),
    UIDNOTSTICKY("UIDNOTSTICKY"),
    UIDVALIDITY("UIDVALIDITY"),
    UNAVAILABLE("UNAVAILABLE"),
    UNKNOWN_CTE("UNKNOWN-CTE"),
    /** RFC 3501 §7.1 (rev1 only). */
    UNSEEN("UNSEEN"),
    /** RFC 6154 §3: CREATE cannot give the mailbox the special use asked for. */
    USEATTR("USEATTR");

    private final String text;

    ResponseCode(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The code with arguments, e.g. {@code UIDNEXT 42}. */
    public Code with(Object args) {
        return new Code(this, String.valueOf(args));
    }

    public Code bare() {
        return new Code(this, null);
    }

    /** A code and its arguments as they appear between brackets. */
    public record Code(ResponseCode code, String args) {
        @Override
        public String toString() {
            return args == null ? code.text : code.text + " " + args;
        }
    }
}
