package org.courriel.mta.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.courriel.mta.auth.message.InboundMessage;
import org.courriel.mta.dns.DnsProperties;
import org.courriel.mta.dns.DnsjavaResolver;
import org.courriel.mta.testing.dns.TestDnsServer;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages signed by dkimpy's {@code dkimsign} (Debian's python3-dkim, an independent implementation), RSA
 * and Ed25519, with every canonicalization, verify here; the same message changed after signing does not.
 */
class DkimpySignedTest {

    static final String MESSAGE = """
            From: Alice <alice@signed.example>
            To: bob@hamburger.edu
            Subject:   Lunch  at noon?\t
            Date: Tue, 1 Dec 2026 12:00:00 +0000
            Message-ID: <lunch@signed.example>

            Shall we meet  at the usual place?\t\s
            Caf\u00e9 is fine too.


            """.replace("\n", "\r\n");

    @TempDir
    static Path dir;
    static TestDnsServer dns;
    static Path rsaKey;
    static Path edKey;

    @BeforeAll
    static void keysAndDns() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair r = rsa.generateKeyPair();
        rsaKey = dir.resolve("rsa.key");
        Files.writeString(rsaKey, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        r.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        KeyPair e = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pkcs8 = e.getPrivate().getEncoded();
        byte[] spki = e.getPublic().getEncoded();
        edKey = dir.resolve("ed.key");
        // dkimpy's Ed25519 key file is the base64 of the 32-octet seed, the end of the PKCS#8 encoding.
        Files.writeString(edKey, Base64.getEncoder().encodeToString(Arrays.copyOfRange(pkcs8, pkcs8.length - 32,
                pkcs8.length)) + "\n");
        dns = TestDnsServer.start();
        String rsaPublic = Base64.getEncoder().encodeToString(r.getPublic().getEncoded());
        dns.zone("signed.example", "rsa._domainkey TXT \"v=DKIM1; k=rsa; p=" + rsaPublic.substring(0, 200) + "\" \""
                + rsaPublic.substring(200) + "\"\n"
                + "ed._domainkey TXT \"v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(
                        Arrays.copyOfRange(spki, spki.length - 32, spki.length)) + "\"\n");
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static String dkimsign(String selector, Path key, String algorithm, String hcanon, String bcanon)
            throws Exception {
        Path dkimsign = Tools.require("dkimsign", "python3-dkim");
        Process p = new ProcessBuilder(dkimsign.toString(), "--signalg", algorithm, "--hcanon", hcanon, "--bcanon",
                bcanon, selector, "signed.example", key.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        p.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] signed = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("dkimsign's exit status").isZero();
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("DKIM-Signature:");
        return text;
    }

    private static List<DkimVerdict> verify(String message) {
        DkimVerifier verifier = new DkimVerifier(new DnsjavaResolver(
                DnsProperties.of(List.of(dns.address()), Duration.ofSeconds(2)), null), 5, Clock.systemUTC());
        return verifier.verify(InboundMessage.parse(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "{1} {2}/{3}")
    @CsvSource({"rsa, rsa-sha256, simple, simple", "rsa, rsa-sha256, relaxed, relaxed",
            "rsa, rsa-sha256, relaxed, simple", "rsa, rsa-sha256, simple, relaxed",
            "ed, ed25519-sha256, simple, simple", "ed, ed25519-sha256, relaxed, relaxed",
            "ed, ed25519-sha256, relaxed, simple", "ed, ed25519-sha256, simple, relaxed"})
    void dkimpySignaturesVerifyAndTamperedCopiesFail(String selector, String algorithm, String hcanon, String bcanon)
            throws Exception {
        String signed = dkimsign(selector, selector.equals("rsa") ? rsaKey : edKey, algorithm, hcanon, bcanon);
        assertThat(verify(signed)).extracting(DkimVerdict::result).containsExactly(DkimResult.PASS);
        assertThat(verify(signed.replace("noon", "moon"))).extracting(DkimVerdict::result)
                .containsExactly(DkimResult.FAIL);
        assertThat(verify(signed.replace("usual place", "usual plaice"))).extracting(DkimVerdict::result)
                .containsExactly(DkimResult.FAIL);
    }
}
