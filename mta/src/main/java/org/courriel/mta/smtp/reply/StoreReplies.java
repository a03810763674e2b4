package org.courriel.mta.smtp.reply;

import org.courriel.store.StoreException;

/** The one place where the store's refusals become SMTP replies. */
public final class StoreReplies {

    private StoreReplies() {
    }

    public static Reply of(StoreException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> Reply.NO_SUCH_USER;
            case OVER_QUOTA -> Reply.MAILBOX_FULL;
            // Nothing was kept: the client must try again (RFC 5321 §4.2.5).
            case UNAVAILABLE, NOT_ALLOWED, ALREADY_EXISTS, INVALID -> Reply.LOCAL_ERROR;
        };
    }
}
