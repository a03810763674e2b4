package org.courriel.mta.relay.tls;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The destination policies the relay honours for MX delivery. Changes take effect on restart. */
public final class OutboundTlsProperties {

    /** The IANA root zone KSK-2017 (key tag 20326) as a DS record: the trust anchor of the public DNS. */
    public static final String ROOT_TRUST_ANCHOR =
            ". IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D";

    private OutboundTlsProperties() {
    }

    /**
     * MTA-STS towards other domains ({@code courriel.relay.mta-sts.*}, RFC 8461).
     *
     * @param enabled       look up and honour the destination's policy (default true)
     * @param timeout       to connect to and read the whole policy from {@code mta-sts.<domain>} (default 30s)
     * @param maxPolicySize the longest policy file read (default 64KB); a longer one is no policy
     * @param cacheSize     domains whose policies are kept in memory at most (default 10000)
     */
    @ConfigurationProperties("courriel.relay.mta-sts")
    public record MtaSts(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("64KB") DataSize maxPolicySize,
            @DefaultValue("10000") int cacheSize) {

        public MtaSts {
            if (timeout.isNegative() || timeout.isZero() || maxPolicySize.toBytes() < 1 || cacheSize < 0) {
                throw new IllegalArgumentException("courriel.relay.mta-sts limits must be positive");
            }
        }
    }

    /**
     * DANE towards other domains ({@code courriel.relay.dane.*}, RFC 7672). Off by default, as in Postfix: it needs
     * resolvers ({@code courriel.dns.servers}) that pass DNSSEC records on, and with one that strips them every TLSA
     * lookup is bogus and every MX delivery would be deferred; a fresh install must not stop its mail for that.
     *
     * @param enabled      look up TLSA records with DNSSEC validation and honour them (default false)
     * @param trustAnchors DS or DNSKEY records, master-file text with absolute names (default: the root KSK)
     */
    @ConfigurationProperties("courriel.relay.dane")
    public record Dane(
            @DefaultValue("false") boolean enabled,
            @DefaultValue(ROOT_TRUST_ANCHOR) String trustAnchors) {
    }
}
