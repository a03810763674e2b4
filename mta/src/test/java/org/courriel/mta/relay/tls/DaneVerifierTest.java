package org.courriel.mta.relay.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.courriel.mta.testing.TestCa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TLSA matching (RFC 6698 §2.1) and DANE authentication of an SMTP server (RFC 7672 §3). */
class DaneVerifierTest {

    static final TestCa CA = TestCa.create("Test CA");
    static final TestCa OTHER_CA = TestCa.create("Other CA");
    static final TestCa.Issued MX = CA.issue("mx.example.org");
    static final Set<String> NAMES = Set.of("mx.example.org");

    static byte[] association(X509Certificate cert, int selector, int matching) throws Exception {
        byte[] selected = selector == 0 ? cert.getEncoded() : cert.getPublicKey().getEncoded();
        return switch (matching) {
            case 1 -> MessageDigest.getInstance("SHA-256").digest(selected);
            case 2 -> MessageDigest.getInstance("SHA-512").digest(selected);
            default -> selected;
        };
    }

    static Tlsa tlsa(int usage, int selector, int matching, X509Certificate cert) throws Exception {
        return new Tlsa(usage, selector, matching, association(cert, selector, matching));
    }

    @ParameterizedTest(name = "DANE-EE {0} {1}")
    @CsvSource({"0,0", "0,1", "0,2", "1,0", "1,1", "1,2"})
    void daneEeMatchesTheLeafInEverySelectorAndMatchingType(int selector, int matching) throws Exception {
        assertThat(DaneVerifier.verify(MX.chain(), List.of(tlsa(3, selector, matching, MX.leaf())), NAMES,
                Instant.now())).isEmpty();
        TestCa.Issued other = CA.issue("mx.example.org");
        assertThat(DaneVerifier.verify(other.chain(), List.of(tlsa(3, selector, matching, MX.leaf())), NAMES,
                Instant.now())).contains("no TLSA record matches the certificate chain");
    }

    @Test
    void daneEeChecksNeitherNameNorExpiry() throws Exception {
        // RFC 7672 §3.1.1
        TestCa.Issued expired = CA.issueUntil(Instant.now().minus(1, ChronoUnit.DAYS), "elsewhere.example");
        assertThat(DaneVerifier.verify(expired.chain(), List.of(tlsa(3, 1, 1, expired.leaf())), NAMES,
                Instant.now())).isEmpty();
    }

    @ParameterizedTest(name = "DANE-TA {0} {1}")
    @CsvSource({"0,0", "0,1", "1,1", "1,2"})
    void daneTaMatchesTheIssuerAndChecksTheName(int selector, int matching) throws Exception {
        Tlsa ta = tlsa(2, selector, matching, CA.certificate());
        assertThat(DaneVerifier.verify(MX.chain(), List.of(ta), NAMES, Instant.now())).isEmpty();
        // RFC 7672 §3.2.2: with DANE-TA the certificate must name the MX host
        TestCa.Issued wrongName = CA.issue("other.example.org");
        assertThat(DaneVerifier.verify(wrongName.chain(), List.of(ta), NAMES, Instant.now()))
                .hasValueSatisfying(r -> assertThat(r).contains("are none of"));
    }

    @Test
    void daneTaRefusesAChainTheAnchorDidNotSign() throws Exception {
        TestCa.Issued foreign = OTHER_CA.issue("mx.example.org");
        X509Certificate[] spliced = {foreign.leaf(), CA.certificate()}; // our anchor sent, someone else's leaf
        assertThat(DaneVerifier.verify(spliced, List.of(tlsa(2, 1, 1, CA.certificate())), NAMES, Instant.now()))
                .hasValueSatisfying(r -> assertThat(r).contains("does not validate"));
    }

    @Test
    void daneTaRefusesAnExpiredLeaf() throws Exception {
        TestCa.Issued expired = CA.issueUntil(Instant.now().minus(1, ChronoUnit.HOURS), "mx.example.org");
        assertThat(DaneVerifier.verify(expired.chain(), List.of(tlsa(2, 1, 1, CA.certificate())), NAMES,
                Instant.now())).hasValueSatisfying(r -> assertThat(r).contains("does not validate"));
    }

    @Test
    void pkixUsagesAndMalformedRecordsAreUnusable() throws Exception {
        // RFC 7672 §3.1.3: PKIX-TA(0), PKIX-EE(1) are not for SMTP; RFC 6698 §4.1 unknown parameters
        assertThat(tlsa(1, 1, 1, MX.leaf()).usable()).isFalse();
        assertThat(tlsa(0, 0, 1, CA.certificate()).usable()).isFalse();
        assertThat(new Tlsa(3, 2, 1, new byte[32]).usable()).isFalse();
        assertThat(new Tlsa(3, 1, 3, new byte[32]).usable()).isFalse();
        assertThat(new Tlsa(3, 1, 1, new byte[20]).usable()).isFalse(); // a SHA-256 of the wrong length
        assertThat(new Tlsa(3, 1, 2, new byte[64]).usable()).isTrue();
        assertThat(DaneVerifier.verify(MX.chain(), List.of(tlsa(1, 1, 1, MX.leaf())), NAMES, Instant.now()))
                .isPresent();
    }

    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource({"mx.example.org,mx.example.org,true", "*.example.org,mx.example.org,true",
            "*.example.org,a.mx.example.org,false", "*.example.org,example.org,false",
            "mx.example.org.,mx.example.org,true", "mx.example.com,mx.example.org,false"})
    void namesMatchWithOneLeftMostWildcardLabel(String presented, String reference, boolean matches) {
        assertThat(DaneVerifier.matchesName(presented, reference)).isEqualTo(matches);
    }
}
