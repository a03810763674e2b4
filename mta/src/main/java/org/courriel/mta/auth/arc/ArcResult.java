package org.courriel.mta.auth.arc;

import java.util.Locale;

/** The chain validation status (RFC 8617 §4.4): {@code arc=} in Authentication-Results and {@code cv=} of a seal. */
public enum ArcResult {
    NONE, PASS, FAIL;

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code cv=} value (RFC 8617 §4.1.3), or null when it is none of the three. */
    static ArcResult ofKeyword(String cv) {
        for (ArcResult r : values()) {
            if (r.keyword().equalsIgnoreCase(cv.strip())) {
                return r;
            }
        }
        return null;
    }
}
