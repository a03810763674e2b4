package org.courriel.mta.relay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.mta.dns.DnsResolver.MxRecord;

/**
 * Chooses the servers for a destination domain: a static route ({@code courriel.relay.routes}) first, then
 * the smarthost, then the domain's MX records (RFC 5321 §5.1).
 */
public class Router {

    private static final java.util.regex.Pattern IP_LITERAL = java.util.regex.Pattern.compile("[0-9.]+|.*:.*");

    private final DnsResolver dns;
    private final RelayProperties properties;
    private final Map<String, String> routes;
    private final TlsPolicies policies;

    public Router(DnsResolver dns, RelayProperties properties) {
        this(dns, properties, TlsPolicies.NONE);
    }

    /** @param policies DANE and MTA-STS, applied to MX delivery only (never to routes or the smarthost) */
    public Router(DnsResolver dns, RelayProperties properties, TlsPolicies policies) {
        this.dns = dns;
        this.properties = properties;
        this.policies = policies;
        Map<String, String> normal = new LinkedHashMap<>();
        properties.routes().forEach((domain, target) -> normal.put(domain.toLowerCase(Locale.ROOT), target));
        this.routes = normal;
    }

    public Route route(String domain) {
        String route = routes.get(domain.toLowerCase(Locale.ROOT));
        if (route != null) {
            HostPort hp = HostPort.parse(route, properties.port());
            return servers(hp.host(), hp.port(), properties.tls(), null, null);
        }
        RelayProperties.Smarthost smarthost = properties.smarthost();
        if (smarthost.configured()) {
            return servers(smarthost.host(), smarthost.port(), smarthost.tls(), smarthost.username(),
                    smarthost.password());
        }
        return byMx(domain);
    }

    private Route byMx(String domain) {
        DnsAnswer<MxRecord> mx = dns.mx(domain);
        List<String> hosts = new ArrayList<>();
        switch (mx.status()) {
            case NO_DOMAIN -> {
                return new Route.Undeliverable(LocalReply.noSuchDomain(domain));
            }
            case TEMPORARY_FAILURE -> {
                return new Route.Unavailable(LocalReply.dnsFailure(domain, mx.error()));
            }
            case NO_DATA -> hosts.add(domain); // RFC 5321 §5.1: no MX, the domain itself is the implicit MX
            case FOUND -> {
                List<MxRecord> records = new ArrayList<>(mx.records().stream().filter(r -> !r.isNull()).toList());
                if (records.isEmpty()) {
                    // RFC 7505 §4.1: a null MX says the domain accepts no mail
                    return new Route.Undeliverable(LocalReply.nullMx(domain));
                }
                // RFC 5321 §5.1: lowest preference first, equal preferences in random order
                Collections.shuffle(records, ThreadLocalRandom.current());
                records.sort(Comparator.comparingInt(MxRecord::preference));
                records.stream().map(MxRecord::exchange).distinct().limit(properties.maxMxHosts()).forEach(hosts::add);
            }
        }
        List<RelayTarget> targets = new ArrayList<>();
        String lastError = "no address";
        for (String host : hosts) {
            DnsAnswer<InetAddress> addresses = dns.addresses(host);
            if (addresses.status() != DnsAnswer.Status.FOUND) {
                lastError = host + ": " + addresses.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                continue;
            }
            for (InetAddress address : addresses.records()) {
                // a plain MX answer: the name is not authenticated until DANE or MTA-STS says so (RFC 8689 §4.2.1)
                targets.add(new RelayTarget(host, new InetSocketAddress(address, properties.port()), properties.tls(),
                        null, null, TlsPolicy.MX_LOOKUP));
            }
        }
        if (targets.isEmpty()) {
            return new Route.Unavailable(LocalReply.noAddress("the mail servers of " + domain + " (" + lastError + ")"));
        }
        return policies.apply(domain, targets);
    }

    private Route servers(String host, int port, TlsMode tls, String user, String password) {
        List<InetAddress> addresses;
        if (IP_LITERAL.matcher(host).matches()) {
            try {
                addresses = List.of(InetAddress.getByName(host)); // a literal: no lookup
            } catch (UnknownHostException e) {
                return new Route.Unavailable(LocalReply.noAddress(host));
            }
        } else {
            DnsAnswer<InetAddress> answer = dns.addresses(host);
            if (answer.status() != DnsAnswer.Status.FOUND) {
                return new Route.Unavailable(LocalReply.noAddress(host));
            }
            addresses = answer.records();
        }
        List<RelayTarget> targets = new ArrayList<>();
        for (InetAddress address : addresses) {
            targets.add(new RelayTarget(host, new InetSocketAddress(address, port), tls,
                    user == null || user.isEmpty() ? null : user, password));
        }
        return new Route.Servers(targets);
    }

    /** {@code host:port}, {@code [v6]:port} or a bare host. */
    record HostPort(String host, int port) {
        static HostPort parse(String value, int defaultPort) {
            String v = value.strip();
            if (v.startsWith("[")) {
                int close = v.indexOf(']');
                String host = v.substring(1, close);
                String rest = v.substring(close + 1);
                return new HostPort(host, rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : defaultPort);
            }
            int colon = v.lastIndexOf(':');
            if (colon > 0 && v.indexOf(':') == colon) {
                return new HostPort(v.substring(0, colon), Integer.parseInt(v.substring(colon + 1)));
            }
            return new HostPort(v, defaultPort);
        }
    }
}
