package org.courriel.store;

/**
 * An expected refusal by the store. Each protocol maps the {@link Reason} to its own reply in one place
 * (SMTP enhanced status, IMAP response code, HTTP problem status).
 */
public class StoreException extends RuntimeException {

    /** Why the store refused. */
    public enum Reason {
        /** The account, domain, alias, mailbox or message does not exist. */
        NOT_FOUND,
        /** A domain, account, alias or mailbox of that name exists already. */
        ALREADY_EXISTS,
        /** The operation would take the account past its quota (RFC 9208). */
        OVER_QUOTA,
        /** A name or address that is not acceptable (syntax, reserved name, rename rules). */
        INVALID,
        /** The operation is not allowed on this object (e.g. deleting INBOX, a mailbox with children). */
        NOT_ALLOWED,
        /**
         * The account lacks the right the operation needs on an object it may see (RFC 4314 §4; IMAP NOPERM).
         * An object it may not see is {@link #NOT_FOUND}, so that no refusal reveals it (RFC 4314 §6).
         */
        NO_PERMISSION,
        /** The server's disk is too full for new mail: a temporary condition, nothing was changed. */
        STORAGE_FULL,
        /** The database cannot be reached or failed: a temporary condition, nothing was changed. */
        UNAVAILABLE
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static StoreException notFound(String what) {
        return new StoreException(Reason.NOT_FOUND, what + " does not exist");
    }

    public static StoreException exists(String what) {
        return new StoreException(Reason.ALREADY_EXISTS, what + " exists already");
    }

    public static StoreException noPermission(String message) {
        return new StoreException(Reason.NO_PERMISSION, message);
    }

    public static StoreException invalid(String message) {
        return new StoreException(Reason.INVALID, message);
    }
}
