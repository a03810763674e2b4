package org.courriel.mta.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.mta.dns.DnsResolver.MxRecord;
import org.junit.jupiter.api.Test;

class RouterTest {

    /** Answers from a table; anything else does not exist. Never touches DNS. */
    static final class TableDns implements DnsResolver {
        final Map<String, DnsAnswer<MxRecord>> mx = new HashMap<>();
        final Map<String, DnsAnswer<InetAddress>> hosts = new HashMap<>();

        @Override
        public DnsAnswer<MxRecord> mx(String domain) {
            return mx.getOrDefault(domain, DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "none"));
        }

        @Override
        public DnsAnswer<InetAddress> addresses(String host) {
            return hosts.getOrDefault(host, DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "none"));
        }

        @Override
        public DnsAnswer<String> txt(String name) {
            return DnsAnswer.of(DnsAnswer.Status.NO_DOMAIN, "none");
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RelayProperties properties(Map<String, String> routes, RelayProperties.Smarthost smarthost) {
        return new RelayProperties("", routes, smarthost, TlsMode.OPPORTUNISTIC, 25, 5, 100, 2048, 100,
                new RelayProperties.Timeouts(null, null, null, null, null, null));
    }

    private static final RelayProperties.Smarthost NO_SMARTHOST = new RelayProperties.Smarthost("", 587, TlsMode.VERIFY, "", "");

    @Test
    void triesMxHostsByPreference() {
        TableDns dns = new TableDns();
        dns.mx.put("example.org", DnsAnswer.found(List.of(new MxRecord(20, "mx2.example.org"),
                new MxRecord(10, "mx1.example.org"))));
        dns.hosts.put("mx1.example.org", DnsAnswer.found(List.of(ip("192.0.2.1"))));
        dns.hosts.put("mx2.example.org", DnsAnswer.found(List.of(ip("192.0.2.2"), ip("2001:db8::2"))));
        Route route = new Router(dns, properties(Map.of(), NO_SMARTHOST)).route("example.org");
        assertThat(route).isInstanceOf(Route.Servers.class);
        List<RelayTarget> targets = ((Route.Servers) route).targets();
        assertThat(targets).extracting(RelayTarget::host)
                .containsExactly("mx1.example.org", "mx2.example.org", "mx2.example.org");
        assertThat(targets.get(0).address().getPort()).isEqualTo(25);
    }

    @Test
    void fallsBackToTheDomainsAddressWithoutMx() {
        TableDns dns = new TableDns();
        dns.mx.put("example.org", DnsAnswer.found(List.of()));
        dns.hosts.put("example.org", DnsAnswer.found(List.of(ip("192.0.2.9"))));
        Route route = new Router(dns, properties(Map.of(), NO_SMARTHOST)).route("example.org");
        assertThat(((Route.Servers) route).targets()).singleElement()
                .satisfies(t -> assertThat(t.address().getAddress()).isEqualTo(ip("192.0.2.9")));
    }

    @Test
    void nullMxFailsAtOnce() {
        TableDns dns = new TableDns();
        dns.mx.put("example.org", DnsAnswer.found(List.of(new MxRecord(0, "."))));
        Route route = new Router(dns, properties(Map.of(), NO_SMARTHOST)).route("example.org");
        assertThat(route).isInstanceOfSatisfying(Route.Undeliverable.class,
                u -> assertThat(u.reply().toString()).startsWith("556 5.1.10"));
    }

    @Test
    void missingDomainFailsAndDnsTroubleDefers() {
        TableDns dns = new TableDns();
        dns.mx.put("broken.example", DnsAnswer.of(DnsAnswer.Status.TEMPORARY_FAILURE, "SERVFAIL"));
        Router router = new Router(dns, properties(Map.of(), NO_SMARTHOST));
        assertThat(router.route("nowhere.example")).isInstanceOf(Route.Undeliverable.class);
        assertThat(router.route("broken.example")).isInstanceOf(Route.Unavailable.class);
    }

    @Test
    void mxWithoutAddressesDefers() {
        TableDns dns = new TableDns();
        dns.mx.put("example.org", DnsAnswer.found(List.of(new MxRecord(10, "mx.example.org"))));
        Route route = new Router(dns, properties(Map.of(), NO_SMARTHOST)).route("example.org");
        assertThat(route).isInstanceOf(Route.Unavailable.class);
    }

    @Test
    void staticRouteWinsOverSmarthostAndSmarthostOverMx() {
        TableDns dns = new TableDns();
        dns.mx.put("example.org", DnsAnswer.found(List.of(new MxRecord(10, "mx.example.org"))));
        dns.hosts.put("mx.example.org", DnsAnswer.found(List.of(ip("192.0.2.1"))));
        RelayProperties.Smarthost smarthost = new RelayProperties.Smarthost("198.51.100.7", 587, TlsMode.VERIFY,
                "relay-user", "secret");
        Router router = new Router(dns, properties(Map.of("Routed.Example", "127.0.0.1:2525"), smarthost));

        RelayTarget routed = ((Route.Servers) router.route("routed.example")).targets().get(0);
        assertThat(routed.address().getAddress()).isEqualTo(ip("127.0.0.1"));
        assertThat(routed.address().getPort()).isEqualTo(2525);
        assertThat(routed.authenticates()).isFalse();
        // RFC 8689 §4.2.1: the operator's route and smarthost are trusted names, a plain MX answer is not
        assertThat(MxAuthentication.BY_TLS_POLICY.authenticated(routed)).isTrue();

        RelayTarget smart = ((Route.Servers) router.route("example.org")).targets().get(0);
        assertThat(smart.address().getAddress()).isEqualTo(ip("198.51.100.7"));
        assertThat(smart.address().getPort()).isEqualTo(587);
        assertThat(smart.tls()).isEqualTo(TlsMode.VERIFY);
        assertThat(smart.username()).isEqualTo("relay-user");
        assertThat(MxAuthentication.BY_TLS_POLICY.authenticated(smart)).isTrue();

        RelayTarget mx = ((Route.Servers) new Router(dns, properties(Map.of(), NO_SMARTHOST)).route("example.org"))
                .targets().get(0);
        assertThat(mx.host()).isEqualTo("mx.example.org");
        assertThat(MxAuthentication.BY_TLS_POLICY.authenticated(mx)).isFalse();
    }

    @Test
    void parsesRouteTargets() {
        assertThat(Router.HostPort.parse("mx.example.org:2525", 25)).isEqualTo(new Router.HostPort("mx.example.org", 2525));
        assertThat(Router.HostPort.parse("mx.example.org", 25)).isEqualTo(new Router.HostPort("mx.example.org", 25));
        assertThat(Router.HostPort.parse("[::1]:2525", 25)).isEqualTo(new Router.HostPort("::1", 2525));
        assertThat(Router.HostPort.parse("::1", 25)).isEqualTo(new Router.HostPort("::1", 25));
    }
}
