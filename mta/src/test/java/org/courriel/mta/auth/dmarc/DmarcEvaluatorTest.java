package org.courriel.mta.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.courriel.mta.auth.dkim.DkimResult;
import org.courriel.mta.auth.dkim.DkimVerdict;
import org.courriel.mta.auth.spf.SpfResult;
import org.courriel.mta.auth.spf.SpfVerdict;
import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsjavaResolver;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7489: organizational domains, records, alignment, p=/sp=/pct=, policy discovery over the loopback DNS. */
class DmarcEvaluatorTest {

    private TestDnsServer dns;

    @BeforeEach
    void zones() {
        dns = TestDnsServer.start();
        dns.zone("example.com", """
                _dmarc TXT "v=DMARC1; p=reject; sp=quarantine; adkim=r; aspf=r"
                """);
        dns.zone("strict.example", "_dmarc TXT \"v=DMARC1; p=reject; adkim=s; aspf=s\"\n");
        dns.zone("half.example", "_dmarc TXT \"v=DMARC1; p=reject; pct=50\"\n");
        dns.zone("two.example", "_dmarc TXT \"v=DMARC1; p=reject\"\n_dmarc TXT \"v=DMARC1; p=none\"\n");
        dns.zone("co.uk", "example._dmarc TXT \"nothing\"\n");
        dns.zone("example.co.uk", "_dmarc TXT \"v=DMARC1; p=quarantine\"\n");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private DmarcVerdict evaluate(String from, SpfVerdict spf, List<DkimVerdict> dkim, int percentile) {
        return new DmarcEvaluator(new DnsjavaResolver(DnsProperties.of(List.of(dns.address()), Duration.ofSeconds(2)),
                null), () -> percentile).evaluate(from, spf, dkim);
    }

    private static SpfVerdict spf(SpfResult result, String domain) {
        return new SpfVerdict(result, domain, "");
    }

    private static DkimVerdict dkim(DkimResult result, String domain) {
        return new DkimVerdict(result, domain, "s", "rsa-sha256", "@" + domain, "abc", null);
    }

    @ParameterizedTest
    @CsvSource({"example.com, example.com", "mail.example.com, example.com", "a.b.example.co.uk, example.co.uk",
            "co.uk, co.uk", "localhost, localhost", "EXAMPLE.com., example.com"})
    void organizationalDomainsComeFromThePublicSuffixList(String domain, String organizational) {
        assertThat(OrganizationalDomain.of(domain)).isEqualTo(organizational);
    }

    @Test
    void relaxedAlignmentAcceptsTheSameOrganizationalDomain() {
        assertThat(evaluate("example.com", spf(SpfResult.PASS, "bounces.example.com"), List.of(), 0).result())
                .isEqualTo(DmarcResult.PASS);
        assertThat(evaluate("example.com", spf(SpfResult.FAIL, "example.com"),
                List.of(dkim(DkimResult.PASS, "mail.example.com")), 0).result()).isEqualTo(DmarcResult.PASS);
        assertThat(evaluate("example.com", spf(SpfResult.PASS, "other.example"),
                List.of(dkim(DkimResult.PASS, "other.example")), 0)).extracting(DmarcVerdict::result,
                DmarcVerdict::disposition).containsExactly(DmarcResult.FAIL, DmarcPolicy.REJECT);
    }

    @Test
    void strictAlignmentWantsTheSameName() {
        assertThat(evaluate("strict.example", spf(SpfResult.PASS, "mail.strict.example"),
                List.of(dkim(DkimResult.PASS, "mail.strict.example")), 0).result()).isEqualTo(DmarcResult.FAIL);
        assertThat(evaluate("strict.example", spf(SpfResult.PASS, "strict.example"), List.of(), 0).result())
                .isEqualTo(DmarcResult.PASS);
    }

    @Test
    void aSubdomainWithoutRecordGetsTheOrganizationalDomainsSp() {
        assertThat(evaluate("news.example.com", spf(SpfResult.FAIL, "news.example.com"), List.of(), 0))
                .extracting(DmarcVerdict::requested, DmarcVerdict::disposition)
                .containsExactly(DmarcPolicy.QUARANTINE, DmarcPolicy.QUARANTINE);
        assertThat(evaluate("www.example.co.uk", spf(SpfResult.FAIL, "x.example"), List.of(), 0).disposition())
                .isEqualTo(DmarcPolicy.QUARANTINE);
    }

    @Test
    void outsidePctTheNextMilderPolicyApplies() {
        assertThat(evaluate("half.example", spf(SpfResult.FAIL, "half.example"), List.of(), 49).disposition())
                .isEqualTo(DmarcPolicy.REJECT);
        assertThat(evaluate("half.example", spf(SpfResult.FAIL, "half.example"), List.of(), 50).disposition())
                .isEqualTo(DmarcPolicy.QUARANTINE);
    }

    @Test
    void noOrSeveralRecordsMeanNoPolicyAndAFailingDnsATemperror() {
        assertThat(evaluate("nowhere.example", spf(SpfResult.FAIL, "nowhere.example"), List.of(), 0).result())
                .isEqualTo(DmarcResult.NONE);
        assertThat(evaluate("two.example", spf(SpfResult.FAIL, "two.example"), List.of(), 0).result())
                .isEqualTo(DmarcResult.NONE);
        dns.mode(TestDnsServer.Mode.SERVFAIL);
        assertThat(evaluate("example.com", spf(SpfResult.FAIL, "example.com"), List.of(), 0))
                .extracting(DmarcVerdict::result, DmarcVerdict::aligned).containsExactly(DmarcResult.TEMPERROR, false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            v=DMARC1; p=reject                   | REJECT     | REJECT     | 100
            v=DMARC1;p=quarantine;sp=none;pct=20 | QUARANTINE | NONE       | 20
            V=DMARC1; p=none                     | NONE       | NONE       | 100
            v=DMARC1; rua=mailto:a@example.com   | NONE       | NONE       | 100
            """)
    void records(String txt, DmarcPolicy p, DmarcPolicy sp, int pct) {
        DmarcRecord r = DmarcRecord.parse(txt.replace("V=", "v="));
        assertThat(r).extracting(DmarcRecord::policy, DmarcRecord::subdomainPolicy, DmarcRecord::percent)
                .containsExactly(p, sp, pct);
    }

    @Test
    void unusableRecords() {
        assertThat(DmarcRecord.parse("v=DMARC1; p=bogus")).isNull();
        assertThat(DmarcRecord.parse("v=spf1 -all")).isNull();
        assertThat(DmarcRecord.parse("p=reject; v=DMARC1")).isNull();
    }
}
