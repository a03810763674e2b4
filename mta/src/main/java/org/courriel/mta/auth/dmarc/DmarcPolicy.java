package org.courriel.mta.auth.dmarc;

import java.util.Locale;

/** RFC 7489 §6.3 {@code p=}/{@code sp=}: what the domain owner asks for mail that fails. */
public enum DmarcPolicy {
    NONE, QUARANTINE, REJECT;

    static DmarcPolicy of(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "quarantine" -> QUARANTINE;
            case "reject" -> REJECT;
            default -> null;
        };
    }

    /** RFC 7489 §6.6.4: the next milder policy, for messages outside {@code pct=}. */
    DmarcPolicy milder() {
        return this == REJECT ? QUARANTINE : NONE;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
