package org.courriel.mta.auth.dmarc;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the MX does with mail that fails DMARC ({@code courriel.auth.dmarc.*}); read at start.
 *
 * @param enabled          evaluate DMARC on the MX at all (default true)
 * @param onReject         what a failure under {@code p=reject} gets: {@code reject} (550 5.7.1 at the end of
 *                         DATA, the default), {@code quarantine} (the recipients' Junk folder) or {@code none}
 * @param onQuarantine     what a failure under {@code p=quarantine} gets: {@code quarantine} (default) or {@code none}
 * @param deferOnTemperror answer 451 4.4.3 when the policy lookup failed for now and no aligned pass exists, so
 *                         that the sender tries again (RFC 7489 §6.6.3); otherwise deliver (default true)
 * @param domains          per recipient domain of ours, {@code on-reject} and {@code on-quarantine} overrides
 */
@ConfigurationProperties("courriel.auth.dmarc")
public record DmarcProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("reject") DmarcPolicy onReject,
        @DefaultValue("quarantine") DmarcPolicy onQuarantine,
        @DefaultValue("true") boolean deferOnTemperror,
        @DefaultValue Map<String, Override> domains) {

    /**
     * The actions for one of our domains.
     *
     * @param onReject     as {@code courriel.auth.dmarc.on-reject}, for this domain's recipients
     * @param onQuarantine as {@code courriel.auth.dmarc.on-quarantine}, for this domain's recipients
     */
    public record Override(DmarcPolicy onReject, DmarcPolicy onQuarantine) {
    }

    public DmarcProperties {
        domains = domains == null ? Map.of() : Map.copyOf(domains);
        if (onQuarantine == DmarcPolicy.REJECT) {
            throw new IllegalArgumentException("courriel.auth.dmarc.on-quarantine cannot be reject");
        }
    }

    /** The action this server takes, for a recipient of {@code recipientDomain}, on {@code disposition}. */
    public DmarcPolicy action(DmarcPolicy disposition, String recipientDomain) {
        Override o = domains.get(recipientDomain.toLowerCase(Locale.ROOT));
        return switch (disposition) {
            case NONE -> DmarcPolicy.NONE;
            case REJECT -> o != null && o.onReject() != null ? o.onReject() : onReject;
            case QUARANTINE -> {
                DmarcPolicy q = o != null && o.onQuarantine() != null ? o.onQuarantine() : onQuarantine;
                yield q == DmarcPolicy.REJECT ? DmarcPolicy.QUARANTINE : q;
            }
        };
    }
}
