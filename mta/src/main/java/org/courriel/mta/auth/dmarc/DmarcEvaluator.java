package org.courriel.mta.auth.dmarc;

import java.util.List;
import java.util.function.IntSupplier;

import org.courriel.mta.auth.dkim.DkimResult;
import org.courriel.mta.auth.dkim.DkimVerdict;
import org.courriel.mta.auth.spf.SpfResult;
import org.courriel.mta.auth.spf.SpfVerdict;
import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;

/**
 * DMARC (RFC 7489 §6.6): finds the policy of the From domain (or of its organizational domain), checks
 * whether an SPF or DKIM pass is aligned with it (§3.1, relaxed or strict as the record says), and gives the
 * disposition the domain asks for ({@code p=}, {@code sp=} for subdomains, {@code pct=}). What the server
 * does with it is {@link DmarcProperties}' choice.
 */
public final class DmarcEvaluator {

    private final DnsResolver dns;
    private final IntSupplier percentile;

    /** @param percentile a number in [0, 100) for each message, compared with {@code pct=} */
    public DmarcEvaluator(DnsResolver dns, IntSupplier percentile) {
        this.dns = dns;
        this.percentile = percentile;
    }

    public DmarcVerdict evaluate(String fromDomain, SpfVerdict spf, List<DkimVerdict> dkim) {
        String org = OrganizationalDomain.of(fromDomain);
        // RFC 7489 §6.6.3: the From domain's record, else the organizational domain's.
        Lookup found = lookup(fromDomain);
        boolean atOrg = false;
        if (found.status == DnsAnswer.Status.TEMPORARY_FAILURE) {
            return temporary(fromDomain, spf, dkim, found);
        }
        if (found.records.isEmpty() && !org.equals(fromDomain)) {
            found = lookup(org);
            atOrg = true;
            if (found.status == DnsAnswer.Status.TEMPORARY_FAILURE) {
                return temporary(fromDomain, spf, dkim, found);
            }
        }
        if (found.records.size() != 1) {
            String why = found.records.isEmpty() ? "no DMARC record" : "several DMARC records";
            return new DmarcVerdict(DmarcResult.NONE, fromDomain, null, DmarcPolicy.NONE,
                    aligned(fromDomain, spf, dkim, false, false), why);
        }
        DmarcRecord record = DmarcRecord.parse(found.records.get(0));
        if (record == null) {
            return new DmarcVerdict(DmarcResult.NONE, fromDomain, null, DmarcPolicy.NONE,
                    aligned(fromDomain, spf, dkim, false, false), "unusable DMARC record");
        }
        DmarcPolicy requested = atOrg ? record.subdomainPolicy() : record.policy();
        if (aligned(fromDomain, spf, dkim, record.strictDkim(), record.strictSpf())) {
            return new DmarcVerdict(DmarcResult.PASS, fromDomain, requested, DmarcPolicy.NONE, true, "aligned");
        }
        // RFC 7489 §6.6.4: outside pct=, the next milder policy.
        DmarcPolicy disposition = percentile.getAsInt() < record.percent() ? requested : requested.milder();
        return new DmarcVerdict(DmarcResult.FAIL, fromDomain, requested, disposition, false,
                "no aligned SPF or DKIM pass");
    }

    private DmarcVerdict temporary(String fromDomain, SpfVerdict spf, List<DkimVerdict> dkim, Lookup failed) {
        return new DmarcVerdict(DmarcResult.TEMPERROR, fromDomain, null, DmarcPolicy.NONE,
                aligned(fromDomain, spf, dkim, false, false), "policy lookup failed: " + failed.error);
    }

    /** RFC 7489 §4.2: a pass of either, aligned. */
    static boolean aligned(String fromDomain, SpfVerdict spf, List<DkimVerdict> dkim, boolean strictDkim,
            boolean strictSpf) {
        for (DkimVerdict d : dkim) {
            if (d.result() == DkimResult.PASS && OrganizationalDomain.aligned(d.domain(), fromDomain, strictDkim)) {
                return true;
            }
        }
        return spf != null && spf.result() == SpfResult.PASS
                && OrganizationalDomain.aligned(spf.identity(), fromDomain, strictSpf);
    }

    private record Lookup(DnsAnswer.Status status, List<String> records, String error) {
    }

    private Lookup lookup(String domain) {
        DnsAnswer<String> txt = dns.txt("_dmarc." + domain);
        return new Lookup(txt.status(), txt.records().stream().filter(DmarcRecord::isDmarcRecord).toList(),
                txt.error());
    }
}
