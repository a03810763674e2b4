package org.courriel.mta.dsn;

import java.util.Locale;

/** RFC 3464 §2.3.3 Action field values. */
public enum DsnAction {
    FAILED, DELAYED, DELIVERED, RELAYED, EXPANDED;

    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }
}
