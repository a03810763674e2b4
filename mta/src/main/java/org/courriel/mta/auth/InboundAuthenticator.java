package org.courriel.mta.auth;

import org.courriel.mta.auth.message.InboundMessage;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.courriel.mta.auth.arc.ArcPolicyOverride;
import org.courriel.mta.auth.arc.ArcProperties;
import org.courriel.mta.auth.arc.ArcValidator;
import org.courriel.mta.auth.arc.ArcVerdict;
import org.courriel.mta.auth.dkim.DkimResult;
import org.courriel.mta.auth.dkim.DkimVerdict;
import org.courriel.mta.auth.dkim.DkimVerifier;
import org.courriel.mta.auth.dmarc.DmarcEvaluator;
import org.courriel.mta.auth.dmarc.DmarcPolicy;
import org.courriel.mta.auth.dmarc.DmarcProperties;
import org.courriel.mta.auth.dmarc.DmarcResult;
import org.courriel.mta.auth.dmarc.DmarcVerdict;
import org.courriel.mta.auth.dmarc.FromDomains;
import org.courriel.mta.auth.spf.SpfEvaluator;
import org.courriel.mta.auth.spf.SpfResult;
import org.courriel.mta.dns.DnsResolver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The sender checks of mail arriving on the MX, in two calls: {@link #atMail} (SPF of MAIL FROM and HELO,
 * FCrDNS of the client) and {@link #atEndOfData} (DKIM, DMARC, the one Authentication-Results field and what
 * to do with the message). Submission is not checked: its senders are authenticated.
 */
public final class InboundAuthenticator {

    private final DnsResolver dns;
    private final InboundAuthProperties properties;
    private final DmarcProperties dmarcProperties;
    private final String authservId;
    private final SpfEvaluator spf;
    private final DkimVerifier dkim;
    private final DmarcEvaluator dmarc;
    private final ArcProperties arcProperties;
    private final ArcValidator arc;
    private final MeterRegistry meters;

    public InboundAuthenticator(DnsResolver dns, InboundAuthProperties properties, DmarcProperties dmarcProperties,
            ArcProperties arcProperties, String authservId, Clock clock, MeterRegistry meters) {
        this.dns = dns;
        this.properties = properties;
        this.dmarcProperties = dmarcProperties;
        this.authservId = authservId;
        this.spf = new SpfEvaluator(dns, properties.spfTimeout());
        this.dkim = new DkimVerifier(dns, properties.maxDkimSignatures(), clock);
        this.dmarc = new DmarcEvaluator(dns, () -> ThreadLocalRandom.current().nextInt(100));
        this.arcProperties = arcProperties;
        this.arc = new ArcValidator(dkim, arcProperties.maxSets());
        this.meters = meters;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** At MAIL: SPF of both identities (RFC 7208 §2.3, §2.4) and the client's FCrDNS name. */
    public SenderChecks atMail(InetAddress client, String helo, String reversePath) {
        String name = properties.reverseDns() ? ReverseDns.confirmedName(dns, client) : null;
        var heloSpf = spf.checkHelo(client, helo);
        var mailFrom = spf.checkMailFrom(client, reversePath, helo);
        count("spf", mailFrom.result().keyword());
        return new SenderChecks(client, helo, mailFrom, heloSpf, name);
    }

    /**
     * At the end of DATA: verifies the DKIM signatures, evaluates DMARC for each From domain, and decides
     * (the strictest outcome over the From domains, the mildest over the recipients' domains, since one reply
     * answers for all).
     *
     * @param checks           what {@link #atMail} found
     * @param recipientDomains the domains of the accepted recipients
     */
    public AuthVerdict atEndOfData(SenderChecks checks, byte[] content, List<String> recipientDomains) {
        InboundMessage message = InboundMessage.parse(content);
        List<DkimVerdict> signatures = dkim.verify(message);
        signatures.forEach(d -> count("dkim", d.result().keyword()));
        List<DmarcVerdict> verdicts = new ArrayList<>();
        if (dmarcProperties.enabled()) {
            for (String from : FromDomains.of(message)) {
                verdicts.add(dmarc.evaluate(from, checks.mailFrom(), signatures));
            }
        }
        verdicts.forEach(v -> count("dmarc", v.result().keyword()));
        ArcVerdict chain = arcProperties.enabled() ? arc.validate(message) : null;
        if (chain != null) {
            count("arc", chain.result().keyword());
        }
        boolean arcOverride = chain != null && arcProperties.trusts(chain) && ArcPolicyOverride.applies(verdicts, chain);
        if (arcOverride) {
            verdicts = ArcPolicyOverride.apply(verdicts, chain); // RFC 7489 §6.7, RFC 8617 §7.2.1
        }
        AuthVerdict.Action action = AuthVerdict.Action.DELIVER;
        String reason = null;
        boolean someTemperror = checks.mailFrom().result() == SpfResult.TEMPERROR
                || signatures.stream().anyMatch(d -> d.result() == DkimResult.TEMPERROR);
        for (DmarcVerdict v : verdicts) {
            AuthVerdict.Action a;
            if (v.result() == DmarcResult.TEMPERROR && !v.aligned()
                    || v.result() == DmarcResult.FAIL && someTemperror && v.disposition() != DmarcPolicy.NONE) {
                // RFC 7489 §6.6.3 (policy lookup), RFC 7208 §2.6.6 and RFC 6376 §6.1.2 (a result we lack for now).
                a = dmarcProperties.deferOnTemperror() ? AuthVerdict.Action.DEFER : AuthVerdict.Action.DELIVER;
            } else {
                a = action(v.disposition(), recipientDomains);
            }
            if (a.ordinal() > action.ordinal()) {
                action = a;
                reason = v.fromDomain() + ": " + v.reason();
            }
        }
        String header = AuthenticationResults.field(authservId, checks, signatures, chain, verdicts, arcOverride);
        boolean dmarcPass = !verdicts.isEmpty() && verdicts.stream().allMatch(v -> v.result() == DmarcResult.PASS);
        return new AuthVerdict(action, header, AuthenticationResults.withoutOurs(content, authservId), reason,
                dmarcPass);
    }

    /** The mildest of the actions the recipients' domains configure for this disposition. */
    private AuthVerdict.Action action(DmarcPolicy disposition, List<String> recipientDomains) {
        DmarcPolicy mildest = null;
        for (String domain : recipientDomains.isEmpty() ? List.of("") : recipientDomains) {
            DmarcPolicy p = dmarcProperties.action(disposition, domain);
            mildest = mildest == null || p.ordinal() < mildest.ordinal() ? p : mildest;
        }
        return switch (mildest) {
            case NONE -> AuthVerdict.Action.DELIVER;
            case QUARANTINE -> AuthVerdict.Action.JUNK;
            case REJECT -> AuthVerdict.Action.REJECT;
        };
    }

    private void count(String method, String result) {
        if (meters != null) {
            Counter.builder("courriel.auth.inbound.results").tag("method", method)
                    .tag("result", result.toLowerCase(Locale.ROOT))
                    .description("SPF, DKIM, ARC and DMARC results of mail received on the MX").register(meters)
                    .increment();
        }
    }
}
