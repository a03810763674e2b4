package org.courriel.mta.relay.tls;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.courriel.mta.dns.DnssecResolver;
import org.courriel.mta.relay.RelayTarget;
import org.courriel.mta.relay.RemoteReply;
import org.courriel.mta.relay.Route;
import org.courriel.mta.relay.TlsMode;
import org.courriel.mta.relay.TlsPolicies;
import org.courriel.mta.relay.TlsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.TLSARecord;

/**
 * DANE first, then MTA-STS (RFC 8461 §2: a host with usable DANE records is not subject to MTA-STS), for each
 * MX host of a destination: what TLS each needs, and which may not be used at all.
 */
public class DestinationTlsPolicies implements TlsPolicies {

    private static final Logger log = LoggerFactory.getLogger(DestinationTlsPolicies.class);

    private final DnssecResolver dane;
    private final MtaStsPolicies mtaSts;
    private final TlsPolicyMetrics metrics;
    private final Clock clock;

    /** @param dane null when DANE is off; @param mtaSts null when MTA-STS is off */
    public DestinationTlsPolicies(DnssecResolver dane, MtaStsPolicies mtaSts,
            io.micrometer.core.instrument.MeterRegistry meters, Clock clock) {
        this.dane = dane;
        this.mtaSts = mtaSts;
        this.metrics = new TlsPolicyMetrics(meters);
        this.clock = clock;
    }

    /** What DANE says of one MX host. */
    private sealed interface DaneResult {
        record Failed(String error) implements DaneResult {
        }

        record Records(List<Tlsa> usable) implements DaneResult {
        }

        record NotApplicable() implements DaneResult {
        }
    }

    @Override
    public Route apply(String domain, List<RelayTarget> targets) {
        Map<String, DaneResult> byHost = new HashMap<>();
        Optional<MtaStsPolicy> policy = null;
        Set<String> secureMx = null;
        List<RelayTarget> usable = new ArrayList<>();
        RemoteReply refusal = null;
        for (RelayTarget target : targets) {
            DaneResult d = dane == null ? new DaneResult.NotApplicable()
                    : byHost.computeIfAbsent(target.host() + ":" + target.address().getPort(), k -> dane(target));
            switch (d) {
                case DaneResult.Failed f -> {
                    // RFC 7672 §2.2: a TLSA lookup that fails makes the host unusable (no fallback to clear text)
                    metrics.count("dane", "failed");
                    refusal = TlsPolicyReply.daneLookupFailed(target, f.error());
                    continue;
                }
                case DaneResult.Records r when !r.usable().isEmpty() -> {
                    // RFC 7672 §2.2: usable TLSA records make TLS mandatory and authenticated by them
                    metrics.count("dane", "authenticated");
                    secureMx = secureMx == null ? secureMx(domain) : secureMx;
                    usable.add(target.under(TlsMode.REQUIRED, new TlsPolicy("DANE",
                            daneContext(r.usable(), target.host()), false, secureMx.contains(normal(target.host())))));
                    continue;
                }
                case DaneResult.Records r -> {
                    // RFC 7672 §2.2: secure TLSA records, none usable: TLS still mandatory, not authenticated
                    metrics.count("dane", "encrypted");
                    secureMx = secureMx == null ? secureMx(domain) : secureMx;
                    usable.add(target.under(TlsMode.REQUIRED, new TlsPolicy("DANE", null, false,
                            secureMx.contains(normal(target.host())))));
                    continue;
                }
                case DaneResult.NotApplicable n -> {
                    // no secure TLSA records: MTA-STS or the configured TLS below
                }
            }
            if (mtaSts == null) {
                usable.add(target);
                continue;
            }
            if (policy == null) {
                policy = mtaSts.policy(domain);
            }
            if (policy.isEmpty()) {
                metrics.count("none", "none");
                usable.add(target);
            } else if (policy.get().mode() == MtaStsPolicy.Mode.ENFORCE) {
                if (policy.get().allows(target.host())) {
                    // RFC 8461 §4.2: TLS with a certificate valid for the MX name, never clear text; the
                    // policy vouches for the MX name (RFC 8689 §4.2.1 step 1)
                    metrics.count("mta-sts", "enforce");
                    usable.add(target.under(TlsMode.VERIFY, new TlsPolicy("MTA-STS", null, true, true)));
                } else {
                    // RFC 8461 §4.1, §5: an MX host the policy does not list is not used
                    metrics.count("mta-sts", "mismatch");
                    refusal = TlsPolicyReply.mxNotInPolicy(domain, target);
                }
            } else {
                // RFC 8461 §5: testing delivers anyway; the mismatch is only told. Nor does it vouch for the
                // MX name: the target stays as routed, unauthenticated for REQUIRETLS (RFC 8689 §4.2.1)
                metrics.count("mta-sts", "testing");
                if (!policy.get().allows(target.host())) {
                    log.info("MTA-STS testing policy of {} does not list MX {}; delivering anyway", domain,
                            target.host());
                }
                usable.add(target);
            }
        }
        if (usable.isEmpty() && refusal != null) {
            return new Route.Unavailable(refusal);
        }
        return new Route.Servers(usable);
    }

    /**
     * The MX hosts of {@code domain} if its MX answer is DNSSEC-validated (RFC 7672 §2.2.1), the domain itself
     * when it provably has none (the implicit MX); empty when the answer is insecure or failed. TLSA records
     * of a host reached through an insecure MX answer still protect the connection, but the host could be
     * an attacker's: its name is not authenticated (RFC 8689 §4.2.1 step 1).
     */
    private Set<String> secureMx(String domain) {
        DnssecResolver.SecureAnswer<String> mx = dane.mxHosts(domain);
        if (mx.security() != DnssecResolver.Security.SECURE) {
            return Set.of();
        }
        return mx.records().isEmpty() ? Set.of(normal(domain)) : Set.copyOf(mx.records());
    }

    private static String normal(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private DaneResult dane(RelayTarget target) {
        String name = "_" + target.address().getPort() + "._tcp." + target.host(); // RFC 6698 §3
        DnssecResolver.SecureAnswer<TLSARecord> answer = dane.tlsa(name);
        return switch (answer.security()) {
            case FAILED -> new DaneResult.Failed(answer.error());
            case INSECURE -> new DaneResult.NotApplicable();
            case SECURE -> answer.records().isEmpty() ? new DaneResult.NotApplicable()
                    : new DaneResult.Records(answer.records().stream()
                            .map(r -> new Tlsa(r.getCertificateUsage(), r.getSelector(), r.getMatchingType(),
                                    r.getCertificateAssociationData()))
                            .filter(Tlsa::usable).toList());
        };
    }

    private SSLContext daneContext(List<Tlsa> records, String host) {
        String name = host.toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new DaneTrustManager(records, Set.of(name), clock)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }
}
