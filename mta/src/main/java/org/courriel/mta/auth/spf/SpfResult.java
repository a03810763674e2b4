package org.courriel.mta.auth.spf;

import java.util.Locale;

/** The results of check_host() (RFC 7208 §2.6), as Authentication-Results spells them (RFC 8601 §2.7.2). */
public enum SpfResult {
    NONE, NEUTRAL, PASS, FAIL, SOFTFAIL, TEMPERROR, PERMERROR;

    /** The lower-case keyword: {@code pass}, {@code temperror}... */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
