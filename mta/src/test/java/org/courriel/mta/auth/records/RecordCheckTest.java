package org.courriel.mta.auth.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsjavaResolver;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code courriel dns check} over the loopback DNS: a zone made of exactly what {@code courriel dns} prints
 * passes; a zone with each record wrong or missing gets one verdict per fault; a dead DNS is a failure, never
 * a pass.
 */
class RecordCheckTest {

    static final String HOST = "mail.test";
    static final MtaStsProperties STS = new MtaStsProperties("testing", Duration.ofDays(7));
    static final TestDnsServer DNS = TestDnsServer.start();

    static DkimKey key(String domain, String publicKey) {
        Instant now = Instant.now();
        return new DkimKey(domain, "s1", DkimAlgorithm.ED25519_SHA256, publicKey, DkimKeyState.ACTIVE, now, now, null);
    }

    static final DkimKey GOOD_KEY = key("good.example", "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
    static final DkimKey BAD_KEY = key("bad.example", "2qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo1=");
    static final DkimKey PENDING = new DkimKey("good.example", "s2", DkimAlgorithm.ED25519_SHA256, "AAAA",
            DkimKeyState.PENDING, Instant.now(), null, null);

    @BeforeAll
    static void zones() {
        DNS.zone(HOST, "@ A 127.0.0.1\n");
        StringBuilder good = new StringBuilder();
        for (DnsRecord r : DomainRecords.of("good.example", HOST, List.of(GOOD_KEY), STS)) {
            good.append(r.zoneLine().replace(" IN ", " ")).append('\n'); // pasted as 'courriel dns' prints it
        }
        DNS.zone("good.example", good.toString());
        DNS.zone("bad.example", """
                @ MX 10 mx.elsewhere.test.
                @ TXT "v=spf1 ip4:192.0.2.1 -all"
                s1._domainkey TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
                _mta-sts TXT "v=STSv1; id=20190101"
                mta-sts CNAME mail.test.
                _smtp._tls TXT "v=TLSRPTv1; rua=mailto:tls@bad.example"
                _submissions._tcp SRV 0 1 25 mail.test.
                _submission._tcp SRV 0 1 587 mail.test.
                autoconfig CNAME elsewhere.test.
                autodiscover A 192.0.2.9
                """);
        DNS.zone("twice.example", """
                @ MX 10 mail.test.
                @ TXT "v=spf1 mx -all"
                @ TXT "v=spf1 a -all"
                _dmarc TXT "v=DMARC1; p=none"
                _dmarc TXT "v=DMARC1; p=reject"
                """);
    }

    @AfterAll
    static void stop() {
        DNS.close();
    }

    private static List<String> check(String domain, List<DkimKey> keys) {
        RecordCheck check = new RecordCheck(new DnsjavaResolver(DnsProperties.of(List.of(DNS.address()),
                Duration.ofSeconds(2)), null), HOST, STS);
        List<String> lines = new ArrayList<>();
        check.check(domain, keys).forEach(r -> lines.add(r.line()));
        return lines;
    }

    @Test
    void aZoneAsPrintedPasses() {
        List<String> lines = check("good.example", List.of(GOOD_KEY, PENDING));
        assertThat(lines).hasSize(12).allMatch(l -> l.startsWith("ok "), "all ok");
        assertThat(lines).contains("ok          MX    good.example: 10 mail.test",
                "ok          TXT   good.example: v=spf1 mx -all (passes for this server)",
                "ok          SRV   _imaps._tcp.good.example: 0 1 993 mail.test",
                "ok          CNAME autodiscover.good.example: mail.test");
        assertThat(lines).noneMatch(l -> l.contains("s2._domainkey")); // a pending key is not published yet
    }

    @Test
    void aBrokenZoneGetsAVerdictPerFault() {
        List<String> lines = check("bad.example", List.of(BAD_KEY));
        assertThat(lines).containsExactly(
                "wrong       MX    bad.example: this server (mail.test) is not among 10 mx.elsewhere.test",
                "wrong       TXT   bad.example: v=spf1 ip4:192.0.2.1 -all does not include this server: 127.0.0.1 gets fail",
                "wrong       TXT   s1._domainkey.bad.example: the TXT record at s1._domainkey.bad.example does not carry"
                        + " this key: v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
                "missing     TXT   _dmarc.bad.example: the name does not exist; publish v=DMARC1; p=quarantine;"
                        + " rua=mailto:dmarc-reports@bad.example",
                "wrong       TXT   _mta-sts.bad.example: id=20190101, but this server's policy has id="
                        + DomainRecords.policyId(HOST, STS) + ": publish the new id",
                "ok          CNAME mta-sts.bad.example: mail.test",
                "ok          TXT   _smtp._tls.bad.example: v=TLSRPTv1; rua=mailto:tls@bad.example",
                "wrong       SRV   _submissions._tcp.bad.example: 0 1 25 mail.test, expected port 465 at mail.test",
                "ok          SRV   _submission._tcp.bad.example: 0 1 587 mail.test",
                "missing     SRV   _imaps._tcp.bad.example: the name does not exist; publish 0 1 993 mail.test.",
                "wrong       CNAME autoconfig.bad.example: points at elsewhere.test, not mail.test",
                "wrong       CNAME autodiscover.bad.example: addresses [192.0.2.9] are not those of mail.test");
    }

    @Test
    void twoSpfOrDmarcRecordsAreWrong() {
        List<String> lines = check("twice.example", List.of());
        assertThat(lines.get(1)).startsWith("wrong       TXT   twice.example: more than one SPF record");
        assertThat(lines.get(2)).startsWith("wrong       TXT   _dmarc.twice.example: more than one DMARC");
    }

    @Test
    void aDeadDnsIsAFailureNotAPass() {
        DNS.mode(TestDnsServer.Mode.SERVFAIL);
        try {
            assertThat(check("good.example", List.of(GOOD_KEY))).hasSize(12)
                    .allMatch(l -> l.startsWith("dns failure "), "all DNS failures")
                    .contains("dns failure MX    good.example: DNS failed: SERVFAIL");
        } finally {
            DNS.mode(TestDnsServer.Mode.ANSWER);
        }
    }
}
