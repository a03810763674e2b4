package org.courriel.mta.spam.dnsbl;

import java.net.InetAddress;
import java.util.List;

import org.courriel.access.net.IpNetwork;
import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Asks each configured blocklist about a client address (RFC 5782). A list names an address when it answers an
 * A record in 127.0.0.0/8 (§2.1, §5); answers outside it, and Spamhaus's 127.255.255.0/24 ("you may not query",
 * "quota exceeded"), are errors of the list, not verdicts. A list that fails or times out is skipped: a broken
 * blocklist must not stop mail. The resolver's timeouts and cache bound the cost.
 */
public final class DnsblChecker {

    private static final Logger log = LoggerFactory.getLogger(DnsblChecker.class);

    private static final IpNetwork LISTED = IpNetwork.parse("127.0.0.0/8");
    private static final IpNetwork LIST_ERROR = IpNetwork.parse("127.255.255.0/24");

    private final DnsResolver dns;
    private final List<String> zones;
    private final List<IpNetwork> allowed;
    private final MeterRegistry meters;

    public DnsblChecker(DnsResolver dns, DnsblProperties properties, MeterRegistry meters) {
        this.dns = dns;
        this.zones = properties.zones();
        this.allowed = properties.allowed();
        this.meters = meters;
    }

    public boolean enabled() {
        return !zones.isEmpty();
    }

    public DnsblResult check(InetAddress client) {
        if (zones.isEmpty() || allowed.stream().anyMatch(n -> n.contains(client))) {
            return new DnsblResult.NotListed();
        }
        for (String zone : zones) {
            String name = DnsblQuery.name(client, zone);
            DnsAnswer<InetAddress> answer = dns.a(name);
            switch (answer.status()) {
                case FOUND -> {
                    InetAddress code = answer.records().getFirst();
                    if (LISTED.contains(code) && !LIST_ERROR.contains(code)) {
                        count(zone, "listed");
                        return new DnsblResult.Listed(zone, code.getHostAddress(), text(name));
                    }
                    log.warn("Blocklist {} answered {} for {}: an error code, not a listing; skipped", zone,
                            code.getHostAddress(), client.getHostAddress());
                    count(zone, "error");
                }
                case NO_DOMAIN, NO_DATA -> count(zone, "clean");
                default -> {
                    log.warn("Blocklist {} could not be asked about {}: {}; skipped", zone, client.getHostAddress(),
                            answer.error());
                    count(zone, "error");
                }
            }
        }
        return new DnsblResult.NotListed();
    }

    private String text(String name) {
        DnsAnswer<String> txt = dns.txt(name);
        return txt.status() == DnsAnswer.Status.FOUND ? txt.records().getFirst() : "";
    }

    private void count(String zone, String result) {
        Counter.builder("courriel.spam.dnsbl.lookups").description("Blocklist lookups of client addresses, by result")
                .tag("zone", zone).tag("result", result).register(meters).increment();
    }
}
