package org.courriel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.courriel.access.auth.SaslPlain;
import org.junit.jupiter.api.Test;

class SaslPlainTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesWithAndWithoutAuthorizationIdentity() {
        assertThat(SaslPlain.decode(b64("\0bob@example.org\0sécret")))
                .isEqualTo(new SaslPlain.Credentials("", "bob@example.org", "sécret"));
        assertThat(SaslPlain.decode(b64("admin\0bob\0pw")).authorizationId()).isEqualTo("admin");
    }

    @Test
    void refusesMalformedMessages() {
        assertThatThrownBy(() -> SaslPlain.decode("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaslPlain.decode(b64("bob\0pw"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaslPlain.decode(b64("\0\0pw"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaslPlain.decode(b64("a\0b\0c\0d"))).isInstanceOf(IllegalArgumentException.class);
    }
}
