package org.courriel.mta.auth.dmarc;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A DMARC policy record, the TXT of {@code _dmarc.domain} (RFC 7489 §6.3). Pure.
 *
 * @param subdomainPolicy {@code sp=}, {@code p=} when absent
 * @param percent         {@code pct=}, 100 by default
 * @param strictDkim      {@code adkim=s}
 * @param strictSpf       {@code aspf=s}
 */
public record DmarcRecord(DmarcPolicy policy, DmarcPolicy subdomainPolicy, int percent, boolean strictDkim,
        boolean strictSpf) {

    /** Whether a TXT string is a DMARC record at all: it starts with {@code v=DMARC1} (RFC 7489 §6.6.3). */
    static boolean isDmarcRecord(String txt) {
        return txt.matches("(?s)v[ \t]*=[ \t]*DMARC1[ \t]*(;.*)?");
    }

    /** The record, or null when it is not a usable one (RFC 7489 §6.6.3: then no DMARC applies). */
    static DmarcRecord parse(String txt) {
        if (!isDmarcRecord(txt)) {
            return null;
        }
        Map<String, String> tags = new HashMap<>();
        for (String spec : txt.split(";")) {
            int eq = spec.indexOf('=');
            if (eq > 0) {
                tags.putIfAbsent(spec.substring(0, eq).strip().toLowerCase(Locale.ROOT), spec.substring(eq + 1).strip());
            }
        }
        DmarcPolicy p = tags.containsKey("p") ? DmarcPolicy.of(tags.get("p")) : null;
        if (p == null) {
            // RFC 7489 §6.6.3: a record without a valid p= but with a valid rua= is p=none; otherwise none applies.
            if (!tags.containsKey("rua")) {
                return null;
            }
            p = DmarcPolicy.NONE;
        }
        DmarcPolicy sp = tags.containsKey("sp") ? DmarcPolicy.of(tags.get("sp")) : null;
        int pct = 100;
        if (tags.containsKey("pct") && tags.get("pct").matches("[0-9]{1,3}")) {
            pct = Math.min(100, Integer.parseInt(tags.get("pct")));
        }
        return new DmarcRecord(p, sp == null ? p : sp, pct, "s".equalsIgnoreCase(tags.get("adkim")),
                "s".equalsIgnoreCase(tags.get("aspf")));
    }
}
