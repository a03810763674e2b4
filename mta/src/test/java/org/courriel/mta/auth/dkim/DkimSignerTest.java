package org.courriel.mta.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyState;
import org.courriel.store.dkim.DkimSigningKey;
import org.junit.jupiter.api.Test;

/**
 * The signer against the RFC 8463 example and against dkimpy, an independent verifier: what we sign verifies,
 * what is changed on the way in ways relaxed canonicalization allows still verifies, and what a forger would
 * change does not.
 */
class DkimSignerTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    static final String MESSAGE = """
            Received: from client.example ([127.0.0.1]) by mail.example.org; Wed, 2 Dec 2026 03:00:00 +0000\r
            From: Bob <bob@example.org>\r
            To: Alice <alice@example.net>,\r
            \tCarol <carol@example.net>\r
            Subject:   Lunch\t on  Friday?  \r
            Date: Wed, 2 Dec 2026 03:00:00 +0000\r
            Message-ID: <1@example.org>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Hi Alice,\r
            \r
            .a line starting with a period, and UTF-8: d\u00e9jeuner\r
            \r
            Bob\r
            """;

    private static byte[] message() {
        return MESSAGE.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] signed(byte[] message, TestKeys... keys) {
        List<DkimSigningKey> signing = java.util.Arrays.stream(keys).map(TestKeys::signing).toList();
        return concat(DkimSigner.sign(message, signing, NOW).getBytes(StandardCharsets.ISO_8859_1), message);
    }

    @Test
    void rsaSignatureVerifiesWithDkimpy() throws Exception {
        TestKeys rsa = TestKeys.generate(DkimAlgorithm.RSA_SHA256, "example.org", "r1");
        Dkimpy.Verdict verdict = Dkimpy.verify(signed(message(), rsa), rsa.record());
        assertThat(verdict.allPass()).as(verdict.output()).isTrue();
    }

    @Test
    void ed25519SignatureVerifiesWithDkimpy() throws Exception {
        TestKeys ed = TestKeys.generate(DkimAlgorithm.ED25519_SHA256, "example.org", "e1");
        Dkimpy.Verdict verdict = Dkimpy.verify(signed(message(), ed), ed.record());
        assertThat(verdict.allPass()).as(verdict.output()).isTrue();
    }

    @Test
    void bothSignaturesVerifyAndHaveTheRecommendedTags() throws Exception {
        TestKeys rsa = TestKeys.generate(DkimAlgorithm.RSA_SHA256, "example.org", "r1");
        TestKeys ed = TestKeys.generate(DkimAlgorithm.ED25519_SHA256, "example.org", "e1");
        byte[] signed = signed(message(), rsa, ed);
        Map<String, String> records = new HashMap<>(rsa.record());
        records.putAll(ed.record());
        Dkimpy.Verdict verdict = Dkimpy.verify(signed, records);
        assertThat(verdict.output()).isEqualTo("2 pass pass");

        RawHeaderSection header = RawHeaderSection.parse(signed);
        List<String> signatures = header.values("DKIM-Signature");
        assertThat(signatures).hasSize(2).allSatisfy(sig -> {
            String unfolded = sig.replace("\r\n", "");
            assertThat(unfolded).contains("c=relaxed/relaxed;", "d=example.org;", "t=" + NOW.getEpochSecond() + ";")
                    .doesNotContain("l=");
            // Every line of the field fits the RFC 5322 §2.1.1 recommendation.
            assertThat(("DKIM-Signature:" + sig).split("\r\n")).allSatisfy(line -> assertThat(line).hasSizeLessThan(79));
        });
        assertThat(header.fields()).allSatisfy(f -> assertThat(f).doesNotContain("\n\n"));
        var tag = java.util.regex.Pattern.compile("[; ]h=([^;]*);").matcher(signatures.get(0).replace("\r\n", ""));
        assertThat(tag.find()).isTrue();
        String h = tag.group(1).replace(" ", "");
        assertThat(h).startsWith("from:from:").contains("subject:subject:", "to:to:", "message-id:message-id:",
                "cc:", "reply-to:", "mime-version:mime-version:", "content-type:content-type:")
                .doesNotContain("received");
    }

    @Test
    void relaxedCanonicalizationForgivesWhitespaceAndFoldingChanges() throws Exception {
        TestKeys ed = TestKeys.generate(DkimAlgorithm.ED25519_SHA256, "example.org", "e1");
        String signed = new String(signed(message(), ed), StandardCharsets.ISO_8859_1);
        String rewritten = signed
                .replace("Subject:   Lunch\t on  Friday?  \r\n", "subject: Lunch on Friday?\r\n")
                .replace("To: Alice <alice@example.net>,\r\n\tCarol", "To: Alice <alice@example.net>,   Carol")
                .replace("Hi Alice,\r\n", "Hi   Alice,  \r\n")
                .concat("\r\n\r\n");
        Dkimpy.Verdict verdict = Dkimpy.verify(rewritten.getBytes(StandardCharsets.ISO_8859_1), ed.record());
        assertThat(verdict.allPass()).as(verdict.output()).isTrue();
    }

    @Test
    void changedBodyOrSubjectFailsVerification() throws Exception {
        TestKeys rsa = TestKeys.generate(DkimAlgorithm.RSA_SHA256, "example.org", "r1");
        String signed = new String(signed(message(), rsa), StandardCharsets.ISO_8859_1);
        assertThat(Dkimpy.verify(signed.replace("Friday", "Monday").getBytes(StandardCharsets.ISO_8859_1),
                rsa.record()).allPass()).isFalse();
        assertThat(Dkimpy.verify(signed.replace("Hi Alice", "Hi Mallory").getBytes(StandardCharsets.ISO_8859_1),
                rsa.record()).allPass()).isFalse();
    }

    @Test
    void addedFromOrSubjectFailsVerificationBecauseTheyAreOversigned() throws Exception {
        TestKeys ed = TestKeys.generate(DkimAlgorithm.ED25519_SHA256, "example.org", "e1");
        String signed = new String(signed(message(), ed), StandardCharsets.ISO_8859_1);
        // RFC 6376 §8.15: a second From or Subject, put where a reader would show it, must break the signature.
        String secondFrom = signed.replace("\r\n\r\nHi", "\r\nFrom: CEO <ceo@example.org>\r\n\r\nHi");
        String replyTo = signed.replace("\r\n\r\nHi", "\r\nReply-To: <mallory@evil.example>\r\n\r\nHi");
        assertThat(Dkimpy.verify(secondFrom.getBytes(StandardCharsets.ISO_8859_1), ed.record()).allPass()).isFalse();
        assertThat(Dkimpy.verify(replyTo.getBytes(StandardCharsets.ISO_8859_1), ed.record()).allPass()).isFalse();
        // A trace field added on the way does not.
        String relayed = "Received: from mail.example.org by mx.example.net\r\n" + signed;
        assertThat(Dkimpy.verify(relayed.getBytes(StandardCharsets.ISO_8859_1), ed.record()).allPass()).isTrue();
    }

    @Test
    void noKeysNoSignature() {
        assertThat(DkimSigner.sign(message(), List.of(), NOW)).isEmpty();
    }

    /** RFC 8463 Appendix A: the example's private key signs the example's input into the example's b=. */
    @Test
    void reproducesTheRfc8463Example() throws Exception {
        String body = "Hi.\r\n\r\nWe lost the game.  Are you hungry yet?\r\n\r\nJoe.\r\n";
        String headers = """
                From: Joe SixPack <joe@football.example.com>\r
                To: Suzie Q <suzie@shopping.example.net>\r
                Subject: Is dinner ready?\r
                Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r
                Message-ID: <20030712040037.46341.5F8J@football.example.com>\r
                \r
                """;
        byte[] message = (headers + body).getBytes(StandardCharsets.US_ASCII);
        RawHeaderSection header = RawHeaderSection.parse(message);
        assertThat(Base64.getEncoder().encodeToString(DkimRelaxedCanonicalizer.bodyHash(message, header.bodyStart())))
                .isEqualTo("2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=");

        StringBuilder canonical = new StringBuilder();
        for (String field : DkimHeaderSet.select(header,
                List.of("from", "to", "subject", "date", "message-id", "from", "subject", "date"))) {
            canonical.append(DkimRelaxedCanonicalizer.header(field));
        }
        String unsigned = """
                DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r
                 d=football.example.com; i=@football.example.com;\r
                 q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r
                 subject : date : message-id : from : subject : date;\r
                 bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r
                 b=""";
        byte[] seed = Base64.getDecoder().decode("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=");
        byte[] pkcs8 = concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), seed); // RFC 8410 §7
        var privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        DkimKey key = new DkimKey("football.example.com", "brisbane", DkimAlgorithm.ED25519_SHA256,
                "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", DkimKeyState.ACTIVE, null, null, null);
        byte[] b = DkimSigner.sign(new DkimSigningKey(key, privateKey), DkimSigner.signingInput(canonical, unsigned));
        assertThat(Base64.getEncoder().encodeToString(b)).isEqualTo(
                "/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11BusFa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==");
    }

    /** RFC 6376 §3.4.5: the relaxed example. */
    @Test
    void canonicalizesTheRfc6376Example() {
        assertThat(DkimRelaxedCanonicalizer.header("A: X")).isEqualTo("a:X\r\n");
        assertThat(DkimRelaxedCanonicalizer.header("B : Y\t\r\n\tZ  ")).isEqualTo("b:Y Z\r\n");
        byte[] body = " C \r\nD \t E\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = DkimRelaxedCanonicalizer.sha256().digest(" C\r\nD E\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(DkimRelaxedCanonicalizer.bodyHash(body, 0)).isEqualTo(expected);
        // RFC 6376 §3.4.4 (errata 3712 reading): an empty body hashes as empty.
        assertThat(DkimRelaxedCanonicalizer.bodyHash(new byte[0], 0))
                .isEqualTo(DkimRelaxedCanonicalizer.sha256().digest(new byte[0]));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
