package org.courriel.mta.smtp.reply;

import java.util.Optional;

import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;

/** The one place where the store's refusals, and an unavailable database, become SMTP replies. */
public final class StoreReplies {

    private StoreReplies() {
    }

    public static Reply of(StoreException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> Reply.NO_SUCH_USER;
            case OVER_QUOTA -> Reply.MAILBOX_FULL;
            case STORAGE_FULL -> Reply.SYSTEM_FULL;
            // Nothing was kept: the client must try again (RFC 5321 §4.2.5).
            case UNAVAILABLE, NOT_ALLOWED, ALREADY_EXISTS, INVALID, NO_PERMISSION -> Reply.LOCAL_ERROR;
        };
    }

    /**
     * The reply to a command that failed in the store: its refusal, or 451 4.3.0 when the database cannot be
     * reached (RFC 5321 §4.2.5: nothing was kept, the client tries again); empty for a bug.
     */
    public static Optional<Reply> forFailure(RuntimeException e) {
        if (e instanceof StoreException s) {
            return Optional.of(of(s));
        }
        return DatabaseUnavailable.is(e) ? Optional.of(Reply.LOCAL_ERROR) : Optional.empty();
    }
}
