package org.courriel.mta.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.courriel.mta.auth.message.InboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The structure checks of RFC 8617 §5.2 steps 2 and 3, before any signature: a table of broken chains. */
class ArcChainTest {

    static String set(int i, String cv) {
        return "ARC-Seal: i=" + i + "; cv=" + cv + "; a=rsa-sha256; d=lists.example; s=arc; b=AAAA\r\n"
                + "ARC-Message-Signature: i=" + i + "; a=rsa-sha256; c=relaxed/relaxed; d=lists.example; s=arc;"
                + " h=from:to; bh=AAAA; b=AAAA\r\n"
                + "ARC-Authentication-Results: i=" + i + "; lists.example; spf=pass smtp.mailfrom=a.example\r\n";
    }

    static ArcChain chain(String header) {
        return ArcChain.of(InboundMessage.parse((header + "From: a@a.example\r\n\r\nHi\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void wellFormedSetsAreGroupedInIncreasingOrder() {
        ArcChain c = chain(set(2, "pass") + set(1, "none"));
        assertThat(c.failure()).isNull();
        assertThat(c.sets()).extracting(ArcSet::instance).containsExactly(1, 2);
        assertThat(c.sets().get(1).seal().cv()).isEqualTo(ArcResult.PASS);
        assertThat(c.sets().get(0).authenticationResults().value()).startsWith("i=1; lists.example");
    }

    @Test
    void noArcFieldIsNoChainAndNoFailure() {
        ArcChain c = chain("Subject: plain\r\n");
        assertThat(c.sets()).isEmpty();
        assertThat(c.failure()).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "2                         | instance 1 is missing",
        "1,1                       | two ARC-Seal fields for instance 1",
        "51                        | instance 51 is not within 1..50",
        "1p                        | ARC-Seal 1 has cv=pass",
        "1,2n                      | ARC-Seal 2 has cv=none",
        "1,2f                      | ARC-Seal 2 says cv=fail",
        "1,3                       | instance 2 is missing"})
    void brokenStructureFails(String instances, String failure) {
        StringBuilder header = new StringBuilder();
        for (String spec : instances.split(",")) {
            int i = Integer.parseInt(spec.replaceAll("[a-z]", ""));
            String cv = spec.endsWith("p") ? "pass" : spec.endsWith("n") ? "none" : spec.endsWith("f") ? "fail"
                    : i == 1 ? "none" : "pass";
            header.append(set(i, cv));
        }
        assertThat(chain(header.toString()).failure()).contains(failure);
    }

    @Test
    void aSetWithoutItsMessageSignatureFails() {
        String header = set(1, "none").replaceAll("ARC-Message-Signature:[^\r]*\r\n", "");
        assertThat(chain(header).failure()).isEqualTo("instance 1 has no ARC-Message-Signature");
    }

    @Test
    void anUnreadableInstanceFails() {
        assertThat(chain(set(1, "none").replace("ARC-Authentication-Results: i=1;",
                "ARC-Authentication-Results: lists.example;")).failure()).contains("ARC-Authentication-Results");
        assertThat(chain(set(1, "none").replace("ARC-Seal: i=1;", "ARC-Seal: i=x1;")).failure())
                .contains("ARC-Seal");
    }

    @Test
    void aSealWithHeaderListOrUnknownCvFails() {
        assertThat(chain(set(1, "none").replace("s=arc; b=AAAA", "s=arc; h=from; b=AAAA")).failure())
                .contains("no h=");
        assertThat(chain(set(1, "maybe")).failure()).contains("unknown cv=maybe");
    }

    @Test
    void aMessageSignatureOverTheSealIsRefused() throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ArcMessageSignature.parse(
                " i=1; a=rsa-sha256; d=l.example; s=arc; h=from:arc-seal; bh=AAAA; b=AAAA"))
                .hasMessageContaining("must not sign ARC-Seal");
        assertThat(ArcMessageSignature.parse(" i=1; a=rsa-sha256; d=L.example; s=arc; h=From:To; bh=AAAA; b=AAAA")
                .identity()).isEqualTo("@l.example");
    }
}
