package org.courriel.access.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A client's PLAIN response (RFC 4616 §2) from any bytes: credentials or the declared
 * {@link IllegalArgumentException}; credentials that decode are the three fields of the message, so
 * encoding them again gives the same credentials.
 */
class SaslPlainFuzzTest {

    @FuzzTest
    void responsesDecodeToCredentialsOrAreRefused(byte[] input) {
        SaslPlain.Credentials credentials;
        try {
            credentials = SaslPlain.decode(new String(input, StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException refused) {
            return; // the session answers 501 / BAD
        }
        assertThat(credentials.username()).isNotEmpty().doesNotContain("\0");
        assertThat(credentials.password()).isNotEmpty().doesNotContain("\0");
        String again = Base64.getEncoder().encodeToString((credentials.authorizationId() + "\0" + credentials.username()
                + "\0" + credentials.password()).getBytes(StandardCharsets.UTF_8));
        assertThat(SaslPlain.decode(again)).isEqualTo(credentials);
    }
}
