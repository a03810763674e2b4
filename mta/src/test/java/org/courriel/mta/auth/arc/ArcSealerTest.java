package org.courriel.mta.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.courriel.mta.auth.dkim.DkimVerifier;
import org.courriel.mta.auth.message.InboundMessage;
import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsjavaResolver;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyState;
import org.courriel.store.dkim.DkimSigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARC sets made by Courriel (RFC 8617 §5.1) validate with dkimpy's arc_verify, as the first hop and after a
 * dkimpy-sealed hop, and with Courriel's own validator; mail without our Authentication-Results, or whose chain
 * did not pass here, is not sealed.
 */
class ArcSealerTest {

    static final String AUTHSERV_ID = "mx.hamburger.edu";
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String MESSAGE = """
            From: Alice <alice@origin.example>
            To: bob@hamburger.edu
            Subject: Forward me
            Date: Tue, 1 Dec 2026 12:00:00 +0000
            Message-ID: <fwd@origin.example>

            Hello  Bob,\t
            on its way to your other address.
            """.replace("\n", "\r\n");

    @TempDir
    static Path dir;
    static TestDnsServer dns;
    static DkimSigningKey key;
    static ArcDkimpy.Sealer list;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        key = new DkimSigningKey(new DkimKey("hamburger.edu", "c2026", DkimAlgorithm.RSA_SHA256,
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), DkimKeyState.ACTIVE, null, null,
                null), pair.getPrivate());
        list = ArcDkimpy.sealer(dir, "lists.example", "arc");
        dns = TestDnsServer.start();
        String text = key.key().recordText();
        dns.zone("hamburger.edu", "c2026._domainkey TXT \"" + text.substring(0, 200) + "\" \"" + text.substring(200)
                + "\"\n");
        dns.zone("lists.example", list.zoneLine());
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    static String sealed(String message) {
        return ArcSealer.seal(message.getBytes(StandardCharsets.ISO_8859_1), AUTHSERV_ID, key, NOW) + message;
    }

    static ArcVerdict validate(String message) {
        DkimVerifier dkim = new DkimVerifier(new DnsjavaResolver(
                DnsProperties.of(List.of(dns.address()), Duration.ofSeconds(2)), null), 5, Clock.systemUTC());
        return new ArcValidator(dkim, 50).validate(InboundMessage.parse(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static Map<String, String> ourRecord() {
        return Map.of(key.key().recordName(), key.key().recordText());
    }

    @Test
    void aFirstSetVerifiesWithDkimpyAndHere() throws Exception {
        String message = sealed("Authentication-Results: mx.hamburger.edu;\r\n\tdkim=none;\r\n"
                + "\tspf=pass smtp.mailfrom=origin.example;\r\n\tarc=none;\r\n"
                + "\tdmarc=pass header.from=origin.example\r\n"
                + MESSAGE);
        assertThat(message).startsWith("ARC-Seal: i=1; cv=none; a=rsa-sha256; d=hamburger.edu; s=c2026;\r\n t=");
        assertThat(message).contains("ARC-Authentication-Results: i=1; mx.hamburger.edu;\r\n\tdkim=none;",
                "ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed;\r\n d=hamburger.edu;");
        ArcDkimpy.Verdict dkimpy = ArcDkimpy.verify(message, List.of(), ourRecord());
        assertThat(dkimpy.pass()).as(dkimpy.output()).isTrue();
        ArcVerdict here = validate(message);
        assertThat(here.result()).as(here.reason()).isEqualTo(ArcResult.PASS);
        assertThat(here.sealer()).isEqualTo("hamburger.edu");
        assertThat(validate(message.replace("other address", "others' address")).result()).isEqualTo(ArcResult.FAIL);
    }

    @Test
    void aSetAfterADkimpyHopVerifiesWithDkimpy() throws Exception {
        String afterList = ArcDkimpy.seal("Authentication-Results: lists.example; spf=pass"
                + " smtp.mailfrom=origin.example\r\n" + MESSAGE, list, "lists.example");
        String message = sealed("Authentication-Results: mx.hamburger.edu; dkim=none;"
                + " arc=pass (i=1 sealer=lists.example) header.oldest-pass=0; dmarc=none\r\n" + afterList);
        assertThat(message).startsWith("ARC-Seal: i=2; cv=pass;");
        ArcDkimpy.Verdict dkimpy = ArcDkimpy.verify(message, List.of(list), ourRecord());
        assertThat(dkimpy.pass()).as(dkimpy.output()).isTrue();
        ArcVerdict here = validate(message);
        assertThat(here.result()).as(here.reason()).isEqualTo(ArcResult.PASS);
        assertThat(here.instances()).isEqualTo(2);
    }

    @Test
    void nothingIsSealedWithoutOurResultsOrWithAChainThatDidNotPassHere() throws Exception {
        assertThat(ArcSealer.seal(("Authentication-Results: other.example; spf=pass\r\n" + MESSAGE)
                .getBytes(StandardCharsets.ISO_8859_1), AUTHSERV_ID, key, NOW)).isEmpty();
        String afterList = ArcDkimpy.seal("Authentication-Results: lists.example; spf=pass\r\n" + MESSAGE, list,
                "lists.example");
        assertThat(ArcSealer.seal(("Authentication-Results: mx.hamburger.edu; arc=fail (body changed)\r\n"
                + afterList).getBytes(StandardCharsets.ISO_8859_1), AUTHSERV_ID, key, NOW)).isEmpty();
    }
}
