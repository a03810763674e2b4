package org.courriel.mta.spam.dnsbl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsjavaResolver;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Blocklist lookups against zones served on loopback, in the form RFC 5782 gives them. */
class DnsblCheckerTest {

    TestDnsServer dns;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void serveLists() {
        dns = TestDnsServer.start();
        // RFC 5782 §5: every list names 127.0.0.2 (its test entry) and not 127.0.0.1.
        dns.zone("bl.test", """
                2.0.0.127             A   127.0.0.2
                2.0.0.127             TXT "Listed: see https://bl.test/lookup?127.0.0.2"
                99.2.0.192            A   127.0.0.4
                98.2.0.192            A   127.255.255.254
                97.2.0.192            A   192.0.2.1
                b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2 A 127.0.0.10
                """);
        dns.zone("second.test", "96.2.0.192 A 127.0.0.3\n");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    DnsblChecker checker(List<String> zones, List<String> allow) {
        return new DnsblChecker(new DnsjavaResolver(DnsProperties.of(List.of(dns.address()), Duration.ofMillis(500)), meters),
                new DnsblProperties(zones, allow), meters);
    }

    @ParameterizedTest
    @CsvSource({
            "192.168.42.23, bl.test, 23.42.168.192.bl.test",
            "2001:db8:1:2:3:4:567:89ab, bl.test, b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.bl.test",
    })
    void asksTheNameRfc5782Gives(String address, String zone, String name) throws Exception {
        // RFC 5782 §2.1 and §2.4 examples
        assertThat(DnsblQuery.name(InetAddress.getByName(address), zone)).isEqualTo(name);
    }

    @Test
    void aListedAddressIsNamedWithTheListsText() throws Exception {
        DnsblResult result = checker(List.of("bl.test"), List.of()).check(InetAddress.getByName("127.0.0.2"));
        assertThat(result).isEqualTo(new DnsblResult.Listed("bl.test", "127.0.0.2",
                "Listed: see https://bl.test/lookup?127.0.0.2"));
        assertThat(checker(List.of("bl.test"), List.of()).check(InetAddress.getByName("2001:db8:1:2:3:4:567:89ab")))
                .isEqualTo(new DnsblResult.Listed("bl.test", "127.0.0.10", ""));
    }

    @Test
    void theTestAddressThatNoListNamesPasses() throws Exception {
        assertThat(checker(List.of("bl.test"), List.of()).check(InetAddress.getByName("127.0.0.1")))
                .isInstanceOf(DnsblResult.NotListed.class);
    }

    @Test
    void errorCodesOfAListAreNoVerdict() throws Exception {
        DnsblChecker checker = checker(List.of("bl.test"), List.of());
        assertThat(checker.check(InetAddress.getByName("192.0.2.98"))).isInstanceOf(DnsblResult.NotListed.class);
        assertThat(checker.check(InetAddress.getByName("192.0.2.97"))).isInstanceOf(DnsblResult.NotListed.class);
        assertThat(meters.get("courriel.spam.dnsbl.lookups").tag("result", "error").counter().count()).isEqualTo(2);
    }

    @Test
    void everyListIsAskedUntilOneNamesTheAddress() throws Exception {
        assertThat(checker(List.of("bl.test", "second.test"), List.of()).check(InetAddress.getByName("192.0.2.96")))
                .isEqualTo(new DnsblResult.Listed("second.test", "127.0.0.3", ""));
    }

    @Test
    void anAllowedNetworkIsNeverAsked() throws Exception {
        DnsblResult result = checker(List.of("bl.test"), List.of("192.0.2.0/24")).check(InetAddress.getByName("192.0.2.99"));
        assertThat(result).isInstanceOf(DnsblResult.NotListed.class);
        assertThat(dns.queries()).isZero();
    }

    @Test
    void aListThatDoesNotAnswerLetsMailThrough() throws Exception {
        dns.mode(TestDnsServer.Mode.SILENT);
        long start = System.nanoTime();
        DnsblResult result = checker(List.of("bl.test"), List.of()).check(InetAddress.getByName("192.0.2.99"));
        assertThat(result).isInstanceOf(DnsblResult.NotListed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
