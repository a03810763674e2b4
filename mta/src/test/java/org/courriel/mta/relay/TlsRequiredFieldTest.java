package org.courriel.mta.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8689 §3: only {@code TLS-Required: No} in the header counts. */
class TlsRequiredFieldTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            TLS-Required: No\\r\\nSubject: x\\r\\n\\r\\nbody                    | true
            tls-required:no\\r\\n\\r\\n                                         | true
            Subject: x\\r\\nTLS-Required:\\r\\n  No\\r\\n\\r\\nbody               | true
            Subject: x\\nTLS-Required: NO\\n\\nbody                               | true
            TLS-Required: Yes\\r\\n\\r\\n                                        | false
            TLS-Required: No thanks\\r\\n\\r\\n                                  | false
            X-TLS-Required: No\\r\\n\\r\\n                                       | false
            Subject: x\\r\\n\\r\\nTLS-Required: No\\r\\n                          | false
            Subject: x\\r\\n\\r\\n                                               | false
            """)
    void saysNoOnlyForTheFieldInTheHeader(String message, boolean no) {
        byte[] bytes = message.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(TlsRequiredField.saysNo(bytes)).isEqualTo(no);
    }
}
