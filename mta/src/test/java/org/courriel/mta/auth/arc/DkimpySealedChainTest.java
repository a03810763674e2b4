package org.courriel.mta.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.courriel.mta.auth.dkim.DkimVerifier;
import org.courriel.mta.auth.message.InboundMessage;
import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsjavaResolver;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARC chains sealed by dkimpy (an independent implementation), keys published on a loopback DNS server, validate
 * here as RFC 8617 §5.2 says: one and two sets pass, a changed body, Subject, ARC-Authentication-Results or seal
 * fails, and a message changed between two hops passes with the later hop as oldest-pass.
 */
class DkimpySealedChainTest {

    static final String MESSAGE = """
            From: Alice <alice@origin.example>
            To: list@lists.example
            Subject: Meeting notes
            Date: Tue, 1 Dec 2026 12:00:00 +0000
            Message-ID: <notes@origin.example>

            The notes are attached  in spirit.
            """.replace("\n", "\r\n");

    @TempDir
    static Path dir;
    static TestDnsServer dns;
    static ArcDkimpy.Sealer list;
    static ArcDkimpy.Sealer forwarder;

    @BeforeAll
    static void keys() throws Exception {
        list = ArcDkimpy.sealer(dir, "lists.example", "arc");
        forwarder = ArcDkimpy.sealer(dir, "forwarder.example", "seal");
        dns = TestDnsServer.start();
        dns.zone("lists.example", list.zoneLine());
        dns.zone("forwarder.example", forwarder.zoneLine());
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    static ArcVerdict validate(String message) {
        DkimVerifier dkim = new DkimVerifier(new DnsjavaResolver(
                DnsProperties.of(List.of(dns.address()), Duration.ofSeconds(2)), null), 5, Clock.systemUTC());
        return new ArcValidator(dkim, 50).validate(InboundMessage.parse(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The list's hop: its Authentication-Results, then its ARC set. */
    static String sealedByList() throws Exception {
        return ArcDkimpy.seal("Authentication-Results: lists.example; dkim=none; spf=pass smtp.mailfrom=origin.example;"
                + " dmarc=pass header.from=origin.example\r\n" + MESSAGE, list, "lists.example");
    }

    /** The forwarder's hop after the list's: it found arc=pass. */
    static String sealedTwice(String afterList) throws Exception {
        return ArcDkimpy.seal("Authentication-Results: forwarder.example; arc=pass header.oldest-pass=0\r\n"
                + afterList, forwarder, "forwarder.example");
    }

    @Test
    void oneSetPassesWithTheListAsSealer() throws Exception {
        String sealed = sealedByList();
        assertThat(ArcDkimpy.verify(sealed, List.of(list)).pass()).as("dkimpy's own check").isTrue();
        ArcVerdict v = validate(sealed);
        assertThat(v.result()).as(v.reason()).isEqualTo(ArcResult.PASS);
        assertThat(v.instances()).isEqualTo(1);
        assertThat(v.oldestPass()).isZero();
        assertThat(v.sealer()).isEqualTo("lists.example");
    }

    @Test
    void twoSetsPass() throws Exception {
        String sealed = sealedTwice(sealedByList());
        assertThat(sealed).contains("cv=pass");
        ArcVerdict v = validate(sealed);
        assertThat(v.result()).as(v.reason()).isEqualTo(ArcResult.PASS);
        assertThat(v.instances()).isEqualTo(2);
        assertThat(v.oldestPass()).isZero();
    }

    @Test
    void aMessageChangedBetweenHopsPassesWithTheLaterHopAsOldestPass() throws Exception {
        String changed = sealedByList().replace("in spirit.", "in spirit.\r\n-- \r\nA footer\r\n");
        ArcVerdict v = validate(sealedTwice(changed));
        assertThat(v.result()).as(v.reason()).isEqualTo(ArcResult.PASS);
        assertThat(v.oldestPass()).isEqualTo(2);
        assertThat(v.sealer()).isEqualTo("forwarder.example");
    }

    @Test
    void aChangedBodyFails() throws Exception {
        ArcVerdict v = validate(sealedByList().replace("in spirit", "in person"));
        assertThat(v.result()).isEqualTo(ArcResult.FAIL);
        assertThat(v.reason()).contains("ARC-Message-Signature 1", "body hash");
    }

    @Test
    void aChangedSubjectFails() throws Exception {
        ArcVerdict v = validate(sealedByList().replace("Subject: Meeting notes", "Subject: Wire the money"));
        assertThat(v.result()).isEqualTo(ArcResult.FAIL);
        assertThat(v.reason()).contains("ARC-Message-Signature 1");
    }

    @Test
    void aChangedArcAuthenticationResultsFailsTheSeal() throws Exception {
        String sealed = sealedByList();
        String aar = sealed.substring(sealed.indexOf("ARC-Authentication-Results:"));
        aar = aar.substring(0, aar.indexOf("dmarc=pass") + "dmarc=pass".length());
        ArcVerdict v = validate(sealed.replace(aar, aar.replace("spf=pass", "spf=fail")));
        assertThat(v.result()).isEqualTo(ArcResult.FAIL);
        assertThat(v.reason()).contains("ARC-Seal 1", "did not verify");
    }

    @Test
    void anOlderSealChangedFails() throws Exception {
        String sealed = sealedTwice(sealedByList());
        // The list's seal claims the same key but another timestamp: seal 1 no longer verifies, seal 2 neither.
        String tampered = sealed.replaceFirst("(?s)(ARC-Seal: i=1;.*?t=)1", "$19");
        assertThat(tampered).isNotEqualTo(sealed);
        ArcVerdict v = validate(tampered);
        assertThat(v.result()).isEqualTo(ArcResult.FAIL);
        assertThat(v.reason()).contains("ARC-Seal 2");
    }

    @Test
    void aMissingOlderSetFails() throws Exception {
        String sealed = sealedTwice(sealedByList());
        InboundMessage m = InboundMessage.parse(sealed.getBytes(StandardCharsets.ISO_8859_1));
        String seal1 = m.fields("ARC-Seal").stream().filter(f -> f.value().startsWith("i=1")).findFirst()
                .orElseThrow().raw();
        ArcVerdict v = validate(sealed.replace(seal1 + "\r\n", ""));
        assertThat(v.result()).isEqualTo(ArcResult.FAIL);
        assertThat(v.reason()).isEqualTo("instance 1 has no ARC-Seal");
    }

    @Test
    void noArcFieldsIsNone() {
        assertThat(validate(MESSAGE)).isEqualTo(ArcVerdict.NONE);
    }
}
