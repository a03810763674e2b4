package org.courriel.mta.auth.spf;

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

/** check_host() over the loopback DNS: RFC 7208 Appendix A, the §4.6.4 limits, DNS failures. */
class SpfEvaluatorTest {

    private TestDnsServer dns;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private SpfResult check(String ip, String sender) throws Exception {
        return evaluator().checkMailFrom(InetAddress.getByName(ip), sender, "client.example.net").result();
    }

    private SpfEvaluator evaluator() {
        // A fresh cache each time: the tests change records between checks.
        return new SpfEvaluator(new DnsjavaResolver(DnsProperties.of(List.of(dns.address()), Duration.ofSeconds(2)),
                null), Duration.ofSeconds(20));
    }

    /** RFC 7208 Appendix A.1: the record of example.com, a client address, the result for user@example.com. */
    @ParameterizedTest(name = "{0} from {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            v=spf1 +all                              | 198.51.100.7 | PASS
            v=spf1 a -all                            | 192.0.2.10   | PASS
            v=spf1 a -all                            | 192.0.2.11   | PASS
            v=spf1 a -all                            | 192.0.2.65   | FAIL
            v=spf1 a:example.org -all                | 192.0.2.10   | FAIL
            v=spf1 mx -all                           | 192.0.2.129  | PASS
            v=spf1 mx -all                           | 192.0.2.130  | PASS
            v=spf1 mx -all                           | 192.0.2.10   | FAIL
            v=spf1 mx:example.org -all               | 192.0.2.140  | PASS
            v=spf1 mx mx:example.org -all            | 192.0.2.129  | PASS
            v=spf1 mx mx:example.org -all            | 192.0.2.140  | PASS
            v=spf1 mx/30 mx:example.org/30 -all      | 192.0.2.131  | PASS
            v=spf1 mx/30 mx:example.org/30 -all      | 192.0.2.143  | PASS
            v=spf1 mx/30 mx:example.org/30 -all      | 192.0.2.144  | FAIL
            v=spf1 ptr -all                          | 192.0.2.10   | PASS
            v=spf1 ptr -all                          | 192.0.2.65   | PASS
            v=spf1 ptr -all                          | 192.0.2.140  | FAIL
            v=spf1 ptr -all                          | 10.0.0.10    | FAIL
            v=spf1 ip4:192.0.2.128/28 -all           | 192.0.2.65   | FAIL
            v=spf1 ip4:192.0.2.128/28 -all           | 192.0.2.129  | PASS
            v=spf1 ~all                              | 192.0.2.1    | SOFTFAIL
            v=spf1 ?all                              | 192.0.2.1    | NEUTRAL
            v=spf1 ip6:2001:db8::/32 -all            | 2001:db8::1  | PASS
            v=spf1 ip4:192.0.2.0/24                  | 2001:db8::1  | NEUTRAL
            v=spf1 a//64 -all                        | 2001:db8::1  | FAIL
            """)
    void appendixA1(String record, String ip, SpfResult expected) throws Exception {
        Rfc7208Zones.serve(dns, record);
        assertThat(check(ip, "user@example.com")).isEqualTo(expected);
    }

    /** RFC 7208 Appendix A.2 (redirect), A.3 (DNSBL style, macros) and A.4 (two includes). */
    @ParameterizedTest(name = "{0} from {1} by {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            v=spf1 mx -all                                                                  | 192.0.2.129   | user@la.example.org  | PASS
            v=spf1 mx -all                                                                  | 192.0.2.140   | user@la.example.org  | FAIL
            v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all     | 198.51.100.1  | mary@example.com     | PASS
            v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all     | 192.168.15.15 | joel@example.com     | PASS
            v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all     | 192.168.15.17 | joel@example.com     | FAIL
            v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all     | 198.51.100.1  | john@example.com     | FAIL
            v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all                       | 192.0.2.10    | user@example.com     | PASS
            v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all                       | 192.0.2.140   | user@example.com     | FAIL
            v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all                       | 198.51.100.1  | user@example.com     | FAIL
            """)
    void appendixA2ToA4(String record, String ip, String sender, SpfResult expected) throws Exception {
        Rfc7208Zones.serve(dns, record);
        assertThat(check(ip, sender)).isEqualTo(expected);
    }

    @Test
    void moreThanTenDnsMechanismsIsAPermerror() throws Exception {
        StringBuilder zone = new StringBuilder("@ TXT \"v=spf1 include:i1.limits.test -all\"\n");
        for (int i = 1; i <= 10; i++) {
            zone.append("i").append(i).append(" TXT \"v=spf1 include:i").append(i + 1).append(".limits.test\"\n");
        }
        zone.append("i11 TXT \"v=spf1 +all\"\n");
        dns.zone("limits.test", zone.toString());
        assertThat(check("192.0.2.1", "a@limits.test")).isEqualTo(SpfResult.PERMERROR);
        dns.zone("limits.test", zone.toString().replace("include:i10.limits.test", "+all"));
        assertThat(check("192.0.2.1", "a@limits.test")).isEqualTo(SpfResult.PASS); // ten are allowed
    }

    @Test
    void aThirdVoidLookupIsAPermerror() throws Exception {
        dns.zone("voids.test", "@ TXT \"v=spf1 a:n1.voids.test a:n2.voids.test a:n3.voids.test +all\"\n");
        assertThat(check("192.0.2.1", "a@voids.test")).isEqualTo(SpfResult.PERMERROR);
        dns.zone("voids.test", "@ TXT \"v=spf1 a:n1.voids.test a:n2.voids.test +all\"\n");
        assertThat(check("192.0.2.1", "a@voids.test")).isEqualTo(SpfResult.PASS);
    }

    @Test
    void anMxWithMoreThanTenNamesIsAPermerror() throws Exception {
        StringBuilder zone = new StringBuilder("@ TXT \"v=spf1 mx -all\"\n");
        for (int i = 1; i <= 11; i++) {
            zone.append("@ MX ").append(i).append(" mx").append(i).append("\n");
        }
        dns.zone("manymx.test", zone.toString());
        assertThat(check("192.0.2.1", "a@manymx.test")).isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void recordSelectionAndSyntax() throws Exception {
        dns.zone("none.test", "@ TXT \"something else\"\n");
        assertThat(check("192.0.2.1", "a@none.test")).isEqualTo(SpfResult.NONE);
        assertThat(check("192.0.2.1", "a@missing.none.test")).isEqualTo(SpfResult.NONE);
        dns.zone("two.test", "@ TXT \"v=spf1 +all\"\n@ TXT \"v=spf1 -all\"\n");
        assertThat(check("192.0.2.1", "a@two.test")).isEqualTo(SpfResult.PERMERROR);
        dns.zone("bad.test", "@ TXT \"v=spf1 ip4:192.0.2.1 frob -all\"\n");
        assertThat(check("192.0.2.1", "a@bad.test")).isEqualTo(SpfResult.PERMERROR); // even though ip4 matches
        dns.zone("redir.test", "@ TXT \"v=spf1 redirect=nowhere.redir.test\"\n");
        assertThat(check("192.0.2.1", "a@redir.test")).isEqualTo(SpfResult.PERMERROR);
        dns.zone("case.test", "@ TXT \"V=SPF1 IP4:192.0.2.1 -ALL\"\n");
        assertThat(check("192.0.2.1", "a@case.test")).isEqualTo(SpfResult.PASS);
    }

    @Test
    void aFailingDnsIsATemperror() throws Exception {
        dns.zone("example.com", "@ TXT \"v=spf1 -all\"\n");
        dns.mode(TestDnsServer.Mode.SERVFAIL);
        assertThat(check("192.0.2.1", "a@example.com")).isEqualTo(SpfResult.TEMPERROR);
        dns.mode(TestDnsServer.Mode.SILENT);
        SpfEvaluator quick = new SpfEvaluator(new DnsjavaResolver(
                DnsProperties.of(List.of(dns.address()), Duration.ofMillis(200)), null), Duration.ofSeconds(5));
        assertThat(quick.checkMailFrom(InetAddress.getByName("192.0.2.1"), "a@example.com", "h.example").result())
                .isEqualTo(SpfResult.TEMPERROR);
    }

    @Test
    void heloAndNullSenderUsePostmasterAtTheHeloName() throws Exception {
        dns.zone("client.example.net", "@ TXT \"v=spf1 ip4:192.0.2.9 -all\"\n");
        SpfEvaluator spf = evaluator();
        InetAddress ip = InetAddress.getByName("192.0.2.9");
        assertThat(spf.checkHelo(ip, "client.example.net").result()).isEqualTo(SpfResult.PASS);
        assertThat(spf.checkMailFrom(ip, "", "client.example.net").result()).isEqualTo(SpfResult.PASS);
        assertThat(spf.checkHelo(ip, "[192.0.2.9]").result()).isEqualTo(SpfResult.NONE);
    }
}
