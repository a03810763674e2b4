package org.courriel.mta.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** RFC 6376 §3.4.5: the canonicalization examples, and the empty body of §3.4.3/§3.4.4. */
class InboundCanonicalizationTest {

    @Test
    void rfc6376Section345Headers() {
        assertThat(InboundCanonicalization.header("A: X", true)).isEqualTo("a:X\r\n");
        assertThat(InboundCanonicalization.header("B : Y\t\r\n\tZ  ", true)).isEqualTo("b:Y Z\r\n");
        assertThat(InboundCanonicalization.header("B : Y\t\r\n\tZ  ", false)).isEqualTo("B : Y\t\r\n\tZ  \r\n");
    }

    @Test
    void aLineThatIsNoFieldIsCanonicalizedWithoutFailing() {
        assertThat(InboundCanonicalization.header("Not a field", true)).isEqualTo("not a field:\r\n");
    }

    @Test
    void rfc6376Section345Body() {
        byte[] body = " C \r\nD \t E\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(InboundCanonicalization.body(body, true), StandardCharsets.US_ASCII))
                .isEqualTo(" C\r\nD E\r\n");
        assertThat(new String(InboundCanonicalization.body(body, false), StandardCharsets.US_ASCII))
                .isEqualTo(" C \r\nD \t E\r\n");
    }

    @Test
    void emptyBodies() {
        assertThat(InboundCanonicalization.body(new byte[0], false)).asString().isEqualTo("\r\n");
        assertThat(InboundCanonicalization.body(new byte[0], true)).isEmpty();
        assertThat(InboundCanonicalization.body("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), true)).isEmpty();
        assertThat(InboundCanonicalization.body("no end".getBytes(StandardCharsets.US_ASCII), false))
                .asString().isEqualTo("no end\r\n");
    }

    @Test
    void theSignatureValueIsRemovedAndNothingElse() {
        assertThat(InboundCanonicalization.withoutSignature("DKIM-Signature: v=1; bh=abc; b=sig\r\n nature; d=x"))
                .isEqualTo("DKIM-Signature: v=1; bh=abc; b=; d=x");
        assertThat(InboundCanonicalization.withoutSignature("DKIM-Signature: a=1;\r\n b=xyz"))
                .isEqualTo("DKIM-Signature: a=1;\r\n b=");
    }
}
