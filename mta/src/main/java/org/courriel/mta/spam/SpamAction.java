package org.courriel.mta.spam;

import java.util.Locale;

/**
 * The actions rspamd names in its {@code action} field (rspamd's protocol, "Rspamd HTTP reply"), in rising order
 * of severity. An unknown name is read as {@link #NO_ACTION}: a newer filter must not make Courriel refuse mail.
 */
public enum SpamAction {
    NO_ACTION("no action"),
    GREYLIST("greylist"),
    ADD_HEADER("add header"),
    REWRITE_SUBJECT("rewrite subject"),
    SOFT_REJECT("soft reject"),
    REJECT("reject");

    private final String wireName;

    SpamAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SpamAction of(String name) {
        if (name != null) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            for (SpamAction action : values()) {
                if (action.wireName.equals(lower)) {
                    return action;
                }
            }
        }
        return NO_ACTION;
    }
}
