package org.courriel.mta.spam.sanity;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.courriel.access.net.IpNetwork;
import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The MX's sanity checks (Postfix's reject_unknown_sender_domain and check_helo_access on its own name, and
 * postscreen's pregreet test, in spirit): a HELO name that claims to be this server, a sender domain that cannot
 * receive a reply, a client that talks before it is spoken to. Each answers a {@link Verdict} that the SMTP
 * layer turns into its reply; none applies to a client on the allow list ({@link #exempt}).
 */
public final class SanityChecks {

    private static final Logger log = LoggerFactory.getLogger(SanityChecks.class);

    /** What a check found. */
    public enum Verdict {
        /** Nothing wrong. */
        PASS,
        /** HELO/EHLO names this server: 550 5.7.1. */
        HELO_CLAIMS_US,
        /** The sender domain has no MX, A or AAAA (or does not exist): 550 5.1.8. */
        SENDER_DOMAIN_UNKNOWN,
        /** The sender domain publishes a null MX (RFC 7505 §4.2): 550 5.7.27. */
        SENDER_DOMAIN_NULL_MX,
        /** DNS could not say: 450 4.1.8. */
        SENDER_DOMAIN_TEMPORARY
    }

    /** No checks at all. */
    public static final SanityChecks NONE = new SanityChecks(SanityProperties.OFF, new SanityProperties.Greeting(
            Duration.ZERO), null, "", name -> false, List.of(), null);

    private final SanityProperties properties;
    private final Duration greetPause;
    private final DnsResolver dns;
    private final String hostname;
    private final Predicate<String> localDomain;
    private final List<IpNetwork> allowed;
    private final Set<InetAddress> ourAddresses;
    private final MeterRegistry meters;

    /**
     * @param localDomain whether a domain is one of ours ({@code DomainService::isLocal})
     * @param allowed     clients never checked (the DNSBL allow list)
     */
    public SanityChecks(SanityProperties properties, SanityProperties.Greeting greeting, DnsResolver dns,
            String hostname, Predicate<String> localDomain, List<IpNetwork> allowed, MeterRegistry meters) {
        this.properties = properties;
        this.greetPause = greeting.greetPause();
        this.dns = dns;
        this.hostname = hostname.toLowerCase(Locale.ROOT);
        this.localDomain = localDomain;
        this.allowed = List.copyOf(allowed);
        this.ourAddresses = properties.helo() == SanityProperties.HeloPolicy.OFF ? Set.of() : interfaceAddresses();
        this.meters = meters;
    }

    /** A client on the allow list (other servers of the organisation, loopback by default) is never checked. */
    public boolean exempt(InetAddress client) {
        return allowed.stream().anyMatch(n -> n.contains(client));
    }

    /** How long to wait for an early talker before the greeting; zero when off or for an exempt client. */
    public Duration greetPause(InetAddress client) {
        return properties.earlyTalkers() && !exempt(client) ? greetPause : Duration.ZERO;
    }

    /** Whether input ahead of the greeting or of a reply refuses the client (RFC 5321 §4.3.1). */
    public boolean refusesEarlyTalkers(InetAddress client) {
        return properties.earlyTalkers() && !exempt(client);
    }

    /**
     * A HELO/EHLO name that is this server's host name, one of our domains, or one of our addresses (as an address
     * literal, RFC 5321 §4.1.3, or bare) from a client that is not on the allow list. RFC 5321 §4.1.4 forbids
     * refusing a client whose name merely fails verification; a client naming the receiving server itself is
     * not mistaken but lying, and no honest one does it, so this is refused unless set to LOG.
     */
    public Verdict helo(String name, InetAddress client) {
        if (properties.helo() == SanityProperties.HeloPolicy.OFF || exempt(client) || name == null) {
            return Verdict.PASS;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean claims = lower.equals(hostname) || localDomain.test(lower) || isOurAddress(lower);
        if (!claims) {
            return Verdict.PASS;
        }
        count("helo");
        log.info("Client {} says HELO {}, claiming to be this server{}", client.getHostAddress(), name,
                properties.helo() == SanityProperties.HeloPolicy.LOG ? " (logged only)" : "");
        return properties.helo() == SanityProperties.HeloPolicy.REJECT ? Verdict.HELO_CLAIMS_US : Verdict.PASS;
    }

    /**
     * RFC 5321 §5.1: a domain receives mail at its MX hosts, or, lacking MX records, at its own A/AAAA address
     * ("implicit MX"); a sender domain with neither cannot receive a reply. Our own domains and the null sender
     * are not asked about.
     */
    public Verdict senderDomain(String domain, InetAddress client) {
        if (!properties.senderDomain() || exempt(client) || domain == null || domain.isEmpty()
                || localDomain.test(domain.toLowerCase(Locale.ROOT))) {
            return Verdict.PASS;
        }
        DnsAnswer<DnsResolver.MxRecord> mx = dns.mx(domain);
        Verdict verdict = switch (mx.status()) {
            case FOUND -> mx.records().stream().allMatch(DnsResolver.MxRecord::isNull) ? Verdict.SENDER_DOMAIN_NULL_MX
                    : Verdict.PASS;
            case NO_DOMAIN -> Verdict.SENDER_DOMAIN_UNKNOWN;
            case TEMPORARY_FAILURE -> Verdict.SENDER_DOMAIN_TEMPORARY;
            case NO_DATA -> switch (dns.addresses(domain).status()) {
                case FOUND -> Verdict.PASS;
                case NO_DATA, NO_DOMAIN -> Verdict.SENDER_DOMAIN_UNKNOWN;
                case TEMPORARY_FAILURE -> Verdict.SENDER_DOMAIN_TEMPORARY;
            };
        };
        if (verdict != Verdict.PASS) {
            count(verdict == Verdict.SENDER_DOMAIN_TEMPORARY ? "sender-domain-dns" : "sender-domain");
        }
        return verdict;
    }

    /** Counts an early talker refused by the session. */
    public void earlyTalker() {
        count("early-talker");
    }

    private boolean isOurAddress(String name) {
        String literal = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        if (literal.regionMatches(true, 0, "IPv6:", 0, 5)) {
            literal = literal.substring(5); // RFC 5321 §4.1.3 IPv6-address-literal
        }
        // Only the literal forms, so that getByName never asks DNS about a host name.
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !literal.matches("[0-9a-f:.]*:[0-9a-f:.]*")) {
            return false;
        }
        try {
            return ourAddresses.contains(InetAddress.getByName(literal));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            NetworkInterface.networkInterfaces()
                    .forEach(i -> i.inetAddresses().forEach(addresses::add));
        } catch (SocketException e) {
            log.warn("Cannot list this host's addresses for the HELO check: {}", e.toString());
        }
        return Set.copyOf(addresses);
    }

    private void count(String check) {
        if (meters != null) {
            Counter.builder("courriel.spam.sanity.refused").description("Clients caught by an MX sanity check")
                    .tag("check", check).register(meters).increment();
        }
    }
}
