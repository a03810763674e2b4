package org.courriel.mta.auth.arc;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ARC on the MX ({@code courriel.auth.arc.*}); read at start.
 *
 * @param enabled        validate ARC chains of received mail and report {@code arc=} in Authentication-Results
 *                       (default true)
 * @param maxSets        ARC sets validated at most; a longer chain fails without a lookup (default 10: each set
 *                       costs two key lookups before the 250, and real chains have a few; at most 50, the most
 *                       RFC 8617 §4.2.1 allows)
 * @param trustedSealers the sealer domains ({@code d=} of the ARC-Seal of the oldest-pass instance) whose
 *                       passing chain overrides a DMARC reject or quarantine (RFC 7489 §6.7, RFC 8617 §7.2.1);
 *                       default empty: no override
 * @param seal           add an ARC set, sealed with the DKIM RSA key of the alias's domain, to mail received on
 *                       the MX that an alias forwards to an outside address (default true; a domain without an
 *                       RSA key seals nothing)
 */
@ConfigurationProperties("courriel.auth.arc")
public record ArcProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int maxSets,
        @DefaultValue List<String> trustedSealers,
        @DefaultValue("true") boolean seal) {

    public ArcProperties {
        if (maxSets < 1 || maxSets > ArcChain.MAX_INSTANCE) {
            throw new IllegalArgumentException("courriel.auth.arc.max-sets must be within 1.." + ArcChain.MAX_INSTANCE);
        }
        trustedSealers = trustedSealers == null ? List.of()
                : trustedSealers.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** ARC on, no trusted sealer, sealing on. */
    public static ArcProperties defaults() {
        return new ArcProperties(true, ArcChain.MAX_INSTANCE, List.of(), true);
    }

    /** A passing chain whose vouching sealer is trusted (RFC 8617 §7.2.1). */
    public boolean trusts(ArcVerdict verdict) {
        return verdict.result() == ArcResult.PASS && verdict.sealer() != null
                && trustedSealers.contains(verdict.sealer().toLowerCase(Locale.ROOT));
    }
}
