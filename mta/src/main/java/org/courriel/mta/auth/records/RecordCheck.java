package org.courriel.mta.auth.records;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.courriel.mta.auth.dkim.PublishedKeyCheck;
import org.courriel.mta.auth.records.CheckedRecord.Status;
import org.courriel.mta.auth.spf.SpfEvaluator;
import org.courriel.mta.auth.spf.SpfResult;
import org.courriel.mta.auth.spf.SpfVerdict;
import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyState;

/**
 * {@code courriel dns check DOMAIN}: looks up, through the server's {@link DnsResolver}, every record that
 * {@link DomainRecords} asks the domain to publish, and says for each whether it is there as needed. What
 * counts is the record's meaning, not its spelling: SPF must pass for this server's addresses, a DKIM record
 * must carry the store's key, a name may point at this server by CNAME or by the same addresses.
 */
public final class RecordCheck {

    /** The SPF evaluation of the check, as an inbound one (RFC 7208 §4.6.4 limits). */
    private static final Duration SPF_TIMEOUT = Duration.ofSeconds(20);

    private final DnsResolver dns;
    private final String hostname;
    private final MtaStsProperties sts;

    public RecordCheck(DnsResolver dns, String hostname, MtaStsProperties sts) {
        this.dns = dns;
        this.hostname = hostname.toLowerCase(Locale.ROOT);
        this.sts = sts;
    }

    /** Every record of {@code domain}, in the order of {@code courriel dns}. */
    public List<CheckedRecord> check(String domain, List<DkimKey> keys) {
        List<CheckedRecord> results = new ArrayList<>();
        results.add(mx(domain));
        results.add(spf(domain));
        for (DkimKey key : keys) {
            if (key.state() == DkimKeyState.ACTIVE) {
                results.add(dkim(key));
            }
        }
        results.add(tagged("_dmarc." + domain, "v=DMARC1", "DMARC (RFC 7489 §6.1)",
                "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@" + domain));
        if (!sts.mode().equals("none")) {
            results.add(mtaStsId(domain));
            results.add(pointsHere("mta-sts." + domain));
        }
        results.add(tagged("_smtp._tls." + domain, "v=TLSRPTv1", "TLS-RPT (RFC 8460 §3)",
                "v=TLSRPTv1; rua=mailto:tls-reports@" + domain));
        results.add(srv("_submissions._tcp." + domain, 465));
        results.add(srv("_submission._tcp." + domain, 587));
        results.add(srv("_imaps._tcp." + domain, 993));
        results.add(pointsHere("autoconfig." + domain));
        results.add(pointsHere("autodiscover." + domain));
        return results;
    }

    /** RFC 5321 §5.1: this server among the exchanges. */
    CheckedRecord mx(String domain) {
        String expected = "10 " + hostname + ".";
        DnsAnswer<DnsResolver.MxRecord> answer = dns.mx(domain);
        return answered(domain, "MX", expected, answer, found -> {
            List<String> names = found.stream().map(m -> m.preference() + " " + m.exchange()).toList();
            boolean here = found.stream().anyMatch(m -> same(m.exchange(), hostname));
            return here ? result(domain, "MX", Status.OK, expected, String.join(", ", names))
                    : result(domain, "MX", Status.WRONG, expected, "this server (" + hostname + ") is not among "
                            + String.join(", ", names));
        });
    }

    /** RFC 7208 §4.5: one SPF record, and check_host() passes for each address of this server. */
    CheckedRecord spf(String domain) {
        String expected = "v=spf1 mx -all";
        DnsAnswer<String> answer = dns.txt(domain);
        return answered(domain, "TXT", expected, answer, found -> {
            List<String> records = found.stream().filter(t -> startsWithTag(t, "v=spf1")).toList();
            if (records.isEmpty()) {
                return result(domain, "TXT", Status.MISSING, expected, "no SPF record (v=spf1) among the TXT records");
            }
            if (records.size() > 1) {
                return result(domain, "TXT", Status.WRONG, expected, "more than one SPF record (RFC 7208 §4.5 "
                        + "permerror): " + String.join(" | ", records));
            }
            DnsAnswer<InetAddress> addresses = dns.addresses(hostname);
            if (addresses.status() != DnsAnswer.Status.FOUND) {
                return result(domain, "TXT", Status.WRONG, expected, records.get(0) + " (cannot tell whether it "
                        + "includes this server: " + hostname + " has no address)");
            }
            SpfEvaluator spf = new SpfEvaluator(dns, SPF_TIMEOUT);
            List<String> failing = new ArrayList<>();
            for (InetAddress address : addresses.records()) {
                SpfVerdict verdict = spf.checkMailFrom(address, "postmaster@" + domain, hostname);
                if (verdict.result() != SpfResult.PASS) {
                    failing.add(address.getHostAddress() + " gets " + verdict.result().keyword());
                }
            }
            return failing.isEmpty() ? result(domain, "TXT", Status.OK, expected, records.get(0)
                    + " (passes for this server)")
                    : result(domain, "TXT", Status.WRONG, expected, records.get(0) + " does not include this server: "
                            + String.join(", ", failing));
        });
    }

    /** RFC 6376 §3.6.2.1: the selector's record carries the store's key. */
    CheckedRecord dkim(DkimKey key) {
        PublishedKeyCheck.Result result = PublishedKeyCheck.check(key, dns);
        Status status = switch (result.outcome()) {
            case PUBLISHED -> Status.OK;
            case MISSING -> Status.MISSING;
            case DIFFERENT -> Status.WRONG;
            case DNS_FAILURE -> Status.DNS_FAILURE;
        };
        return result(key.recordName(), "TXT", status, key.recordText(), result.detail());
    }

    /** RFC 8461 §3.1: the TXT record's id is the one of the policy this server serves. */
    CheckedRecord mtaStsId(String domain) {
        String name = "_mta-sts." + domain;
        String id = DomainRecords.policyId(hostname, sts);
        String expected = "v=STSv1; id=" + id;
        return answered(name, "TXT", expected, dns.txt(name), found -> {
            List<String> records = found.stream().filter(t -> startsWithTag(t, "v=STSv1")).toList();
            if (records.size() != 1) {
                return result(name, "TXT", records.isEmpty() ? Status.MISSING : Status.WRONG, expected,
                        records.isEmpty() ? "no v=STSv1 record" : "more than one v=STSv1 record (RFC 8461 §3.1)");
            }
            String published = tag(records.get(0), "id");
            return id.equals(published) ? result(name, "TXT", Status.OK, expected, records.get(0))
                    : result(name, "TXT", Status.WRONG, expected, "id=" + published + ", but this server's policy has id="
                            + id + ": publish the new id");
        });
    }

    /** A TXT record that must exist once, starting with {@code version}. */
    CheckedRecord tagged(String name, String version, String what, String expected) {
        return answered(name, "TXT", expected, dns.txt(name), found -> {
            List<String> records = found.stream().filter(t -> startsWithTag(t, version)).toList();
            if (records.isEmpty()) {
                return result(name, "TXT", Status.MISSING, expected, "no " + what + " record (" + version + ")");
            }
            if (records.size() > 1) {
                return result(name, "TXT", Status.WRONG, expected, "more than one " + what + " record: "
                        + String.join(" | ", records));
            }
            return result(name, "TXT", Status.OK, expected, records.get(0));
        });
    }

    /** RFC 6186 §3: the service at this server and its port. */
    CheckedRecord srv(String name, int port) {
        String expected = "0 1 " + port + " " + hostname + ".";
        return answered(name, "SRV", expected, dns.srv(name), found -> {
            List<String> shown = found.stream().map(s -> s.priority() + " " + s.weight() + " " + s.port() + " "
                    + s.target()).toList();
            boolean good = found.stream().anyMatch(s -> s.port() == port && same(s.target(), hostname));
            return good ? result(name, "SRV", Status.OK, expected, String.join(", ", shown))
                    : result(name, "SRV", Status.WRONG, expected, String.join(", ", shown) + ", expected port " + port
                            + " at " + hostname);
        });
    }

    /** A name that leads to this server: a CNAME to it, or A/AAAA records with its addresses. */
    CheckedRecord pointsHere(String name) {
        String expected = hostname + ".";
        DnsAnswer<String> cname = dns.cname(name);
        if (cname.status() == DnsAnswer.Status.FOUND) {
            String target = cname.records().get(0);
            return same(target, hostname) ? result(name, "CNAME", Status.OK, expected, target)
                    : result(name, "CNAME", Status.WRONG, expected, "points at " + target + ", not " + hostname);
        }
        if (cname.status() == DnsAnswer.Status.TEMPORARY_FAILURE) {
            return result(name, "CNAME", Status.DNS_FAILURE, expected, "DNS failed: " + cname.error());
        }
        DnsAnswer<InetAddress> addresses = dns.addresses(name);
        if (addresses.status() != DnsAnswer.Status.FOUND) {
            return answered(name, "CNAME", expected, addresses, found -> null);
        }
        DnsAnswer<InetAddress> ours = dns.addresses(hostname);
        Set<InetAddress> here = ours.status() == DnsAnswer.Status.FOUND ? new HashSet<>(ours.records()) : Set.of();
        return here.containsAll(addresses.records())
                ? result(name, "CNAME", Status.OK, expected, "no CNAME, but the addresses of " + hostname)
                : result(name, "CNAME", Status.WRONG, expected, "addresses " + addresses.records().stream()
                        .map(InetAddress::getHostAddress).toList() + " are not those of " + hostname);
    }

    /** The common answers: missing, DNS failure, else what {@code found} makes of the records. */
    private static <T> CheckedRecord answered(String name, String type, String expected, DnsAnswer<T> answer,
            Function<List<T>, CheckedRecord> found) {
        return switch (answer.status()) {
            case FOUND -> found.apply(answer.records());
            case NO_DATA -> result(name, type, Status.MISSING, expected, "no " + type + " record; publish " + expected);
            case NO_DOMAIN -> result(name, type, Status.MISSING, expected, "the name does not exist; publish "
                    + expected);
            case TEMPORARY_FAILURE -> result(name, type, Status.DNS_FAILURE, expected, "DNS failed: " + answer.error());
        };
    }

    private static CheckedRecord result(String name, String type, Status status, String expected, String detail) {
        return new CheckedRecord(name, type, status, expected, detail);
    }

    private static boolean same(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** The first tag is exactly {@code version} (RFC 7208 §4.5, RFC 7489 §6.4, RFC 8461 §3.1, RFC 8460 §3). */
    static boolean startsWithTag(String text, String version) {
        String t = text.strip();
        if (version.equals("v=spf1")) { // RFC 7208 §4.5: "v=spf1" then a space or the end
            return t.equalsIgnoreCase(version) || t.toLowerCase(Locale.ROOT).startsWith("v=spf1 ");
        }
        String first = t.split(";", 2)[0].replace(" ", "");
        return first.equals(version);
    }

    /** A tag's value of a {@code tag=value;} list, or null. */
    static String tag(String text, String name) {
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).strip();
            }
        }
        return null;
    }
}
