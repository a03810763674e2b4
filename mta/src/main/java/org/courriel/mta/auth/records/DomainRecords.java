package org.courriel.mta.auth.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.courriel.store.dkim.DkimKey;

/**
 * Every DNS record a domain hosted here needs, ready to paste, and the MTA-STS policy file. Pure: the
 * domain, this server's host name, the domain's DKIM keys and the policy settings in, records out.
 */
public final class DomainRecords {

    private DomainRecords() {
    }

    public static List<DnsRecord> of(String domain, String hostname, List<DkimKey> keys, MtaStsProperties sts) {
        String host = hostname + ".";
        List<DnsRecord> records = new ArrayList<>();
        records.add(new DnsRecord(domain, "MX", "10 " + host, "mail for the domain comes here (RFC 5321 §5.1)"));
        records.add(new DnsRecord(domain, "TXT", "v=spf1 mx -all",
                "SPF: only the domain's MX hosts send its mail (RFC 7208)"));
        for (DkimKey key : keys) {
            String state = switch (key.state()) {
                case PENDING -> "pending: publish, then 'courriel dkim activate " + domain + " " + key.selector() + "'";
                case ACTIVE -> "active: signs outgoing mail";
                case RETIRED -> "retired: keep a few days after retiring, then remove";
            };
            records.add(new DnsRecord(key.recordName(), "TXT", key.recordText(),
                    "DKIM key " + key.algorithm().tag() + ", " + state + " (RFC 6376 §3.6.2)"));
        }
        records.add(new DnsRecord("_dmarc." + domain, "TXT",
                "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@" + domain,
                "DMARC: unaligned mail goes to spam; aggregate reports to dmarc-reports@ (RFC 7489 §6.3)"));
        if (!sts.mode().equals("none")) {
            records.add(new DnsRecord("_mta-sts." + domain, "TXT", "v=STSv1; id=" + policyId(hostname, sts),
                    "MTA-STS: a policy exists; the id changes with it (RFC 8461 §3.1)"));
            records.add(new DnsRecord("mta-sts." + domain, "CNAME", host,
                    "serves https://mta-sts." + domain + "/.well-known/mta-sts.txt (RFC 8461 §3.3); its certificate"
                            + " must name mta-sts." + domain));
        }
        records.add(new DnsRecord("_smtp._tls." + domain, "TXT", "v=TLSRPTv1; rua=mailto:tls-reports@" + domain,
                "TLS-RPT: senders report TLS failures to tls-reports@ (RFC 8460 §3)"));
        records.add(new DnsRecord("_submissions._tcp." + domain, "SRV", "0 1 465 " + host,
                "mail clients submit over implicit TLS (RFC 6186 §3.1, RFC 8314 §5.1)"));
        records.add(new DnsRecord("_submission._tcp." + domain, "SRV", "0 1 587 " + host,
                "mail clients submit with STARTTLS (RFC 6186 §3.1)"));
        records.add(new DnsRecord("_imaps._tcp." + domain, "SRV", "0 1 993 " + host,
                "mail clients read over implicit TLS (RFC 6186 §3.2, RFC 8314 §5.1)"));
        records.add(new DnsRecord("autoconfig." + domain, "CNAME", host,
                "Thunderbird-style client autoconfiguration"));
        records.add(new DnsRecord("autodiscover." + domain, "CNAME", host,
                "Outlook-style client autodiscovery"));
        return records;
    }

    /** The policy file (RFC 8461 §3.2), lines ended by CRLF. */
    public static String mtaStsPolicy(String hostname, MtaStsProperties sts) {
        return "version: STSv1\r\n"
                + "mode: " + sts.mode() + "\r\n"
                + "mx: " + hostname + "\r\n"
                + "max_age: " + sts.maxAge().getSeconds() + "\r\n";
    }

    /** RFC 8461 §3.1 id: 1-32 alphanumerics; a digest of the policy, so it changes exactly when the policy does. */
    static String policyId(String hostname, MtaStsProperties sts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mtaStsPolicy(hostname, sts).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
