package org.courriel.mta.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.courriel.mta.dns.DnsResolver.MxRecord;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The real resolver against the loopback DNS server: every record type, negative answers, cache, failures. */
class DnsjavaResolverTest {

    private TestDnsServer dns;
    private SimpleMeterRegistry meters;
    private DnsjavaResolver resolver;

    @BeforeEach
    void serveZones() {
        dns = TestDnsServer.start();
        dns.zone("example.org", """
                @        MX   10 mx1
                @        MX   20 mx2
                @        TXT  "v=spf1 " "ip4:192.0.2.0/24 -all"
                mx1      A    192.0.2.1
                mx2      A    192.0.2.2
                mx2      AAAA 2001:db8::2
                alias    CNAME mx1
                long     TXT  "%s" "%s" "%s"
                nullmx.example.org. MX 0 .
                """.formatted("a".repeat(250), "b".repeat(250), "c".repeat(250)));
        dns.zone("2.0.192.in-addr.arpa", "1 PTR mx1.example.org.\n");
        meters = new SimpleMeterRegistry();
        resolver = new DnsjavaResolver(DnsProperties.of(List.of(dns.address()), Duration.ofSeconds(2)), meters);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void answersMxAddressesTxtAndPtr() throws Exception {
        assertThat(resolver.mx("example.org").records()).containsExactlyInAnyOrder(new MxRecord(10, "mx1.example.org"),
                new MxRecord(20, "mx2.example.org"));
        assertThat(resolver.mx("nullmx.example.org").records()).containsExactly(new MxRecord(0, "."));
        assertThat(resolver.addresses("mx2.example.org").records()).containsExactlyInAnyOrder(
                InetAddress.getByName("192.0.2.2"), InetAddress.getByName("2001:db8::2"));
        assertThat(resolver.a("mx2.example.org").records()).containsExactly(InetAddress.getByName("192.0.2.2"));
        assertThat(resolver.aaaa("mx2.example.org").records()).containsExactly(InetAddress.getByName("2001:db8::2"));
        assertThat(resolver.txt("example.org").records()).containsExactly("v=spf1 ip4:192.0.2.0/24 -all");
        assertThat(resolver.ptr(InetAddress.getByName("192.0.2.1")).records()).containsExactly("mx1.example.org");
        assertThat(resolver.a("alias.example.org").records()).containsExactly(InetAddress.getByName("192.0.2.1"));
    }

    @Test
    void tellsANameWithoutRecordsFromANameThatDoesNotExist() {
        assertThat(resolver.txt("mx1.example.org").status()).isEqualTo(DnsAnswer.Status.NO_DATA);
        assertThat(resolver.txt("nowhere.example.org").status()).isEqualTo(DnsAnswer.Status.NO_DOMAIN);
        assertThat(resolver.txt("example.invalid").status()).isEqualTo(DnsAnswer.Status.NO_DOMAIN);
        assertThat(resolver.txt("bad..name").status()).isEqualTo(DnsAnswer.Status.NO_DOMAIN);
    }

    @Test
    void aTruncatedUdpAnswerIsAskedAgainOverTcp() {
        assertThat(resolver.txt("long.example.org").records())
                .containsExactly("a".repeat(250) + "b".repeat(250) + "c".repeat(250));
    }

    @Test
    void answersComeFromTheCacheWithinTheirTtl() {
        resolver.txt("example.org");
        resolver.txt("nowhere.example.org");
        int asked = dns.queries();
        assertThat(resolver.txt("EXAMPLE.org.").status()).isEqualTo(DnsAnswer.Status.FOUND);
        assertThat(resolver.txt("nowhere.example.org").status()).isEqualTo(DnsAnswer.Status.NO_DOMAIN);
        assertThat(dns.queries()).isEqualTo(asked);
        assertThat(meters.get("courriel.dns.lookups").tags("type", "TXT", "result", "found", "cached", "true")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get("courriel.dns.cache.entries").gauge().value()).isEqualTo(2);
    }

    @Test
    void serverFailureIsTemporaryAndNotCached() {
        dns.mode(TestDnsServer.Mode.SERVFAIL);
        assertThat(resolver.txt("example.org").status()).isEqualTo(DnsAnswer.Status.TEMPORARY_FAILURE);
        dns.mode(TestDnsServer.Mode.ANSWER);
        assertThat(resolver.txt("example.org").status()).isEqualTo(DnsAnswer.Status.FOUND);
    }

    @Test
    void aSilentServerIsATemporaryFailureWithinTheTimeout() {
        dns.mode(TestDnsServer.Mode.SILENT);
        DnsjavaResolver quick = new DnsjavaResolver(DnsProperties.of(List.of(dns.address()), Duration.ofMillis(300)),
                null);
        long started = System.nanoTime();
        assertThat(quick.mx("example.org").status()).isEqualTo(DnsAnswer.Status.TEMPORARY_FAILURE);
        assertThat(quick.addresses("mx1.example.org").status()).isEqualTo(DnsAnswer.Status.TEMPORARY_FAILURE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void serverAddressesParse() {
        assertThat(DnsjavaResolver.server("127.0.0.1").getPort()).isEqualTo(53);
        assertThat(DnsjavaResolver.server("127.0.0.1:5353").getPort()).isEqualTo(5353);
        assertThat(DnsjavaResolver.server("[::1]:5353").getPort()).isEqualTo(5353);
        assertThat(DnsjavaResolver.server("::1").getPort()).isEqualTo(53);
    }
}
