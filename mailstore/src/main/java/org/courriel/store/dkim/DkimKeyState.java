package org.courriel.store.dkim;

import java.util.Locale;

/** Where a key is in its life: pending → active → retired, never back. */
public enum DkimKeyState {
    /** Created; its DNS record may not be published yet, so it does not sign. */
    PENDING,
    /** Its record was found published (or the admin forced it): it signs. */
    ACTIVE,
    /** No longer signs; its record may stay published until mail signed with it has been delivered. */
    RETIRED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DkimKeyState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
