package org.courriel.mta.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.courriel.mta.auth.message.InboundMessage;
import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsjavaResolver;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 8463 Appendix A: its message with the Ed25519 signature of A.3 (key {@code brisbane}, A.2) and an
 * rsa-sha256 signature by the RSA key of RFC 6376 Appendix C (simple/simple, from dkimpy's test data)
 * verifies; any change to it does not. (The RSA signature is simple/simple: its lines end in a space, {@code \s}.)
 */
class Rfc8463VectorTest {

    static final String SIGNED = """
            DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;
             d=football.example.com; i=@football.example.com;
             q=dns/txt; s=brisbane; t=1528637909; h=from : to :
             subject : date : message-id : from : subject : date;
             bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;
             b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus
             Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==
            DKIM-Signature: v=1; a=rsa-sha256; c=simple/simple;\s
             d=football.example.com; i=@football.example.com;\s
             q=dns/txt; s=test; t=1527915362; h=from : to : subject :\s
             date : message-id : from : subject : date;\s
             bh=4bLNXImK9drULnmePzZNEBleUanJCX5PIsDIFoH4KTQ=;\s
             b=icKcLSEZYXJ95flvWE8FT6hl5iqd8MC/LEKYH0QjsqYy6MO/4pgVNCZH
             l/RAXAuADxE/40Fg7uTlxwwD1hjN2Ple6J//cJfslBdDOq6zTVbne1dqtl
             NOat7iamJ1AfRqyG+ja7a2AZsrpUuJ7VA6O+0zRYPqpwMEkEFIzI9i/Xk=
            From: Joe SixPack <joe@football.example.com>
            To: Suzie Q <suzie@shopping.example.net>
            Subject: Is dinner ready?
            Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)
            Message-ID: <20030712040037.46341.5F8J@football.example.com>

            Hi.

            We lost the game.  Are you hungry yet?

            Joe.
            """.replace("\n", "\r\n");

    private TestDnsServer dns;
    private DkimVerifier verifier;

    @BeforeEach
    void publishKeys() {
        dns = TestDnsServer.start();
        // RFC 8463 A.2 and the RSA key of RFC 6376 Appendix C.
        dns.zone("football.example.com", """
                brisbane._domainkey TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
                test._domainkey TXT "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB"
                """);
        verifier = new DkimVerifier(new DnsjavaResolver(DnsProperties.of(List.of(dns.address()), Duration.ofSeconds(2)),
                null), 5, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private List<DkimVerdict> verify(String message) {
        return verifier.verify(InboundMessage.parse(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void bothSignaturesOfTheVectorVerify() {
        assertThat(verify(SIGNED)).extracting(DkimVerdict::result, DkimVerdict::algorithm, DkimVerdict::domain)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DkimResult.PASS, "ed25519-sha256", "football.example.com"),
                        org.assertj.core.groups.Tuple.tuple(DkimResult.PASS, "rsa-sha256", "football.example.com"));
    }

    @Test
    void aChangedBodyOrSubjectFails() {
        assertThat(verify(SIGNED.replace("hungry", "angry"))).extracting(DkimVerdict::result)
                .containsOnly(DkimResult.FAIL);
        assertThat(verify(SIGNED.replace("Is dinner ready?", "Is dinner ready!"))).extracting(DkimVerdict::result)
                .containsOnly(DkimResult.FAIL);
    }

    @Test
    void anAddedFromFailsBecauseFromIsOversigned() {
        assertThat(verify(SIGNED.replace("From: Joe", "From: Mallory <m@evil.example>\r\nFrom: Joe")))
                .extracting(DkimVerdict::result).containsOnly(DkimResult.FAIL);
    }

    @Test
    void aHeaderLineWithoutColonIsAFailureNotACrash() {
        assertThat(verify(SIGNED.replace("To: Suzie", "garbage without colon\r\nTo: Suzie")))
                .extracting(DkimVerdict::result).containsExactly(DkimResult.PASS, DkimResult.PASS);
        assertThat(verify(SIGNED.replace("To: Suzie Q <suzie@shopping.example.net>", "To")))
                .extracting(DkimVerdict::result).containsOnly(DkimResult.FAIL);
    }

    @Test
    void missingKeyIsAPermerrorAndAFailingDnsATemperror() {
        dns.zone("football.example.com", "other TXT \"x\"\n");
        assertThat(verify(SIGNED)).extracting(DkimVerdict::result).containsOnly(DkimResult.PERMERROR);
        dns.mode(TestDnsServer.Mode.SERVFAIL);
        DkimVerifier fresh = new DkimVerifier(new DnsjavaResolver(DnsProperties.of(List.of(dns.address()),
                Duration.ofSeconds(1)), null), 5, Clock.systemUTC());
        assertThat(fresh.verify(InboundMessage.parse(SIGNED.getBytes(StandardCharsets.ISO_8859_1))))
                .extracting(DkimVerdict::result).containsOnly(DkimResult.TEMPERROR);
    }

    @Test
    void malformedSignaturesArePermerrors() {
        assertThat(verify("DKIM-Signature: v=1; a=rsa-sha256; d=x.example\r\nFrom: a@x.example\r\n\r\nHi\r\n"))
                .extracting(DkimVerdict::result).containsExactly(DkimResult.PERMERROR);
        assertThat(verify(SIGNED.replace("a=rsa-sha256", "a=rsa-sha1"))).extracting(DkimVerdict::result)
                .containsExactly(DkimResult.PASS, DkimResult.PERMERROR);
        assertThat(verify("From: a@x.example\r\n\r\nHi\r\n")).isEmpty();
    }
}
