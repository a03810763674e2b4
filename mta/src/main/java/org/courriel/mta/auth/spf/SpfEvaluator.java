package org.courriel.mta.auth.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.courriel.access.net.IpNetwork;
import org.courriel.mta.auth.spf.SpfTerm.Directive;
import org.courriel.mta.auth.spf.SpfTerm.Modifier;
import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.mta.dns.DnsResolver.MxRecord;

/**
 * check_host() of RFC 7208 §4 over the node's {@link DnsResolver}, for the MAIL FROM and HELO identities
 * (§2.3, §2.4). The whole evaluation, includes and redirects included, may cause at most 10 DNS-querying
 * terms and 2 void lookups (§4.6.4), and takes at most {@code timeout}; past any of them it ends with
 * {@code permerror} (the limits) or {@code temperror} (time, DNS failure).
 * <p>
 * Not evaluated: {@code exp=} (an explanation is text for a rejection; Courriel does not reject on SPF
 * alone, DMARC decides at the end of DATA).
 */
public final class SpfEvaluator {

    /** RFC 7208 §4.6.4. */
    static final int MAX_DNS_TERMS = 10;
    static final int MAX_VOID_LOOKUPS = 2;
    /** RFC 7208 §4.6.4: names looked at from one MX or PTR answer. */
    static final int MAX_NAMES = 10;

    private final DnsResolver dns;
    private final Duration timeout;

    public SpfEvaluator(DnsResolver dns, Duration timeout) {
        this.dns = dns;
        this.timeout = timeout;
    }

    /**
     * RFC 7208 §2.4: the MAIL FROM identity; for the null reverse-path, {@code postmaster@} the HELO name.
     *
     * @param mailFrom the reverse-path, "" for {@code <>}
     */
    public SpfVerdict checkMailFrom(InetAddress client, String mailFrom, String helo) {
        String sender = mailFrom.isEmpty() ? "postmaster@" + helo : mailFrom;
        if (sender.indexOf('@') < 0) {
            sender = "postmaster@" + sender; // RFC 7208 §4.3: a bare domain is postmaster's
        }
        int at = sender.lastIndexOf('@');
        if (at == 0) {
            sender = "postmaster" + sender; // RFC 7208 §4.3: an empty local-part is "postmaster"
            at = sender.lastIndexOf('@');
        }
        return check(client, sender.substring(at + 1), sender, helo);
    }

    /** RFC 7208 §2.3: the HELO identity, {@code postmaster@helo}; an address literal has no record (none). */
    public SpfVerdict checkHelo(InetAddress client, String helo) {
        if (helo == null || helo.startsWith("[")) {
            return new SpfVerdict(SpfResult.NONE, helo, "HELO is not a domain");
        }
        return check(client, helo, "postmaster@" + helo, helo);
    }

    private SpfVerdict check(InetAddress client, String domain, String sender, String helo) {
        Evaluation e = new Evaluation(client, sender, helo == null ? "unknown" : helo,
                System.nanoTime() + timeout.toNanos());
        try {
            return new SpfVerdict(e.checkHost(domain.toLowerCase(Locale.ROOT)), domain, e.reason);
        } catch (SpfException x) {
            return new SpfVerdict(x.result(), domain, x.getMessage());
        }
    }

    /** One evaluation with its shared budget of lookups. */
    private final class Evaluation {
        private final InetAddress ip;
        private final String sender;
        private final String helo;
        private final long deadline;
        private int terms;
        private int voids;
        private String reason = "";

        Evaluation(InetAddress ip, String sender, String helo, long deadline) {
            this.ip = ip;
            this.sender = sender;
            this.helo = helo;
            this.deadline = deadline;
        }

        /** RFC 7208 §4. */
        SpfResult checkHost(String domain) throws SpfException {
            if (!validDomain(domain)) {
                reason = "not a domain: " + domain;
                return SpfResult.NONE; // RFC 7208 §4.3
            }
            DnsAnswer<String> txt = answered(dns.txt(domain));
            if (txt.status() == DnsAnswer.Status.NO_DOMAIN) {
                reason = domain + " does not exist";
                return SpfResult.NONE;
            }
            // RFC 7208 §4.5: one record starting with "v=spf1"; none is "none", two are "permerror".
            List<String> records = txt.records().stream().filter(SpfRecordParser::isSpfRecord).toList();
            if (records.isEmpty()) {
                reason = domain + " has no SPF record";
                return SpfResult.NONE;
            }
            if (records.size() > 1) {
                throw SpfException.permerror(domain + " has " + records.size() + " SPF records");
            }
            List<SpfTerm> terms = SpfRecordParser.parse(records.get(0));
            SpfMacro.Context macros = new SpfMacro.Context(sender, domain, ip, helo, () -> validatedName(domain));
            for (SpfTerm term : terms) {
                if (term instanceof Directive d && matches(d.mechanism(), domain, macros)) {
                    reason = domain + " matched " + d.mechanism();
                    return d.qualifier().result;
                }
            }
            for (SpfTerm term : terms) {
                if (term instanceof Modifier m && m.name().equals("redirect")) {
                    // RFC 7208 §6.1: the redirect target's result, "none" there being a permerror.
                    countTerm();
                    SpfResult redirected = checkHost(target(m.value(), macros));
                    if (redirected == SpfResult.NONE) {
                        throw SpfException.permerror("redirect to a domain without SPF record");
                    }
                    return redirected;
                }
            }
            reason = domain + " matched nothing";
            return SpfResult.NEUTRAL; // RFC 7208 §4.7
        }

        private boolean matches(SpfTerm.Mechanism mechanism, String domain, SpfMacro.Context macros)
                throws SpfException {
            if (mechanism.looksUp()) {
                countTerm();
            }
            return switch (mechanism) {
                case SpfTerm.All all -> true;
                case SpfTerm.Ip net -> inNetwork(ip, net.network(), net.prefix());
                case SpfTerm.Include include -> switch (checkHost(target(include.domainSpec(), macros))) {
                    // RFC 7208 §5.2
                    case PASS -> true;
                    case FAIL, SOFTFAIL, NEUTRAL -> false;
                    case TEMPERROR -> throw SpfException.temperror("include " + include.domainSpec() + ": temperror");
                    case PERMERROR, NONE -> throw SpfException.permerror("include " + include.domainSpec()
                            + ": no usable record");
                };
                case SpfTerm.A a -> {
                    String target = a.domainSpec() == null ? domain : target(a.domainSpec(), macros);
                    DnsAnswer<InetAddress> addresses = voidCounted(addresses(target));
                    yield anyInNetwork(addresses.records(), a.ip4Prefix(), a.ip6Prefix());
                }
                case SpfTerm.Mx mx -> {
                    String target = mx.domainSpec() == null ? domain : target(mx.domainSpec(), macros);
                    DnsAnswer<MxRecord> exchanges = voidCounted(answered(dns.mx(target)));
                    if (exchanges.records().size() > MAX_NAMES) {
                        throw SpfException.permerror("more than " + MAX_NAMES + " MX names for " + target);
                    }
                    for (MxRecord exchange : exchanges.records()) {
                        if (!exchange.isNull() && anyInNetwork(addresses(exchange.exchange()).records(),
                                mx.ip4Prefix(), mx.ip6Prefix())) {
                            yield true;
                        }
                    }
                    yield false;
                }
                case SpfTerm.Ptr ptr -> {
                    String target = ptr.domainSpec() == null ? domain : target(ptr.domainSpec(), macros);
                    String name = validatedName(target);
                    yield !"unknown".equals(name) && isWithin(name, target);
                }
                case SpfTerm.Exists exists -> {
                    // RFC 7208 §5.7: an A lookup, whatever the client's address family.
                    DnsAnswer<InetAddress> found = voidCounted(answered(dns.a(target(exists.domainSpec(), macros))));
                    yield found.status() == DnsAnswer.Status.FOUND;
                }
            };
        }

        private boolean anyInNetwork(List<InetAddress> addresses, int ip4Prefix, int ip6Prefix) {
            int prefix = ip instanceof Inet4Address ? ip4Prefix : ip6Prefix;
            return addresses.stream().anyMatch(address -> inNetwork(ip, address, prefix));
        }

        /** The client's address family: A for IPv4, AAAA for IPv6 (RFC 7208 §5.3). */
        private DnsAnswer<InetAddress> addresses(String host) throws SpfException {
            return answered(ip instanceof Inet4Address ? dns.a(host) : dns.aaaa(host));
        }

        /**
         * RFC 7208 §5.5, §7.3 {@code p}: a name of the client's address that maps back to it, preferring
         * {@code domain} or one of its subdomains; "unknown" when none does. PTR failures are no match.
         */
        private String validatedName(String domain) {
            if (System.nanoTime() > deadline) {
                return "unknown";
            }
            DnsAnswer<String> names = dns.ptr(ip);
            String any = null;
            int looked = 0;
            for (String name : names.records()) {
                if (looked++ >= MAX_NAMES) {
                    break;
                }
                DnsAnswer<InetAddress> back = ip instanceof Inet4Address ? dns.a(name) : dns.aaaa(name);
                if (back.records().contains(ip)) {
                    if (isWithin(name, domain)) {
                        return name;
                    }
                    any = any == null ? name : any;
                }
            }
            return any == null ? "unknown" : any;
        }

        /** A domain-spec expanded, cut to 253 characters from the left (RFC 7208 §7.3). */
        private String target(String domainSpec, SpfMacro.Context macros) throws SpfException {
            String expanded = SpfMacro.expand(domainSpec, macros);
            if (expanded.endsWith(".")) {
                expanded = expanded.substring(0, expanded.length() - 1);
            }
            while (expanded.length() > 253 && expanded.indexOf('.') >= 0) {
                expanded = expanded.substring(expanded.indexOf('.') + 1);
            }
            return expanded.toLowerCase(Locale.ROOT);
        }

        private void countTerm() throws SpfException {
            if (++terms > MAX_DNS_TERMS) {
                throw SpfException.permerror("more than " + MAX_DNS_TERMS + " DNS lookups");
            }
        }

        /** RFC 7208 §4.6.4: a third answer with nothing in it ends the evaluation. */
        private <T> DnsAnswer<T> voidCounted(DnsAnswer<T> answer) throws SpfException {
            if (answer.status() != DnsAnswer.Status.FOUND && ++voids > MAX_VOID_LOOKUPS) {
                throw SpfException.permerror("more than " + MAX_VOID_LOOKUPS + " void lookups");
            }
            return answer;
        }

        /** A temporary DNS failure, or the evaluation's time spent, is a temperror (RFC 7208 §2.6.6). */
        private <T> DnsAnswer<T> answered(DnsAnswer<T> answer) throws SpfException {
            if (answer.status() == DnsAnswer.Status.TEMPORARY_FAILURE) {
                throw SpfException.temperror("DNS: " + answer.error());
            }
            if (System.nanoTime() > deadline) {
                throw SpfException.temperror("SPF evaluation took longer than " + timeout);
            }
            return answer;
        }
    }


    static boolean isWithin(String name, String domain) {
        String n = name.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        return n.equals(d) || n.endsWith("." + d);
    }

    /** RFC 7208 §4.3: a multi-label name, labels of 1 to 63 octets. */
    static boolean validDomain(String domain) {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (d.length() > 253 || d.indexOf('.') < 0) {
            return false;
        }
        for (String label : d.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code ip} is in {@code network}/{@code prefix}; never across address families. */
    static boolean inNetwork(InetAddress ip, InetAddress network, int prefix) {
        return ip.getAddress().length == network.getAddress().length && new IpNetwork(network, prefix).contains(ip);
    }
}
