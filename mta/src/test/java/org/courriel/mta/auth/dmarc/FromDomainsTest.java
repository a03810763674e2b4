package org.courriel.mta.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.courriel.mta.auth.message.InboundMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7489 §6.6.1: the From domains, display names and comments aside, every field and address counted. */
class FromDomainsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            From: a@Example.COM                                  | [example.com]
            From: "ceo@bank.example" <x@evil.example>            | [evil.example]
            From: CEO (ceo@bank.example) <x@evil.example>        | [evil.example]
            From: a@one.example, b@two.example                   | [one.example, two.example]
            From: a@one.example\\r\\nFrom: b@two.example          | [one.example, two.example]
            Sender: a@one.example                                | []
            """)
    void fromDomains(String header, String expected) {
        String message = header.replace("\\r\\n", "\r\n") + "\r\n\r\nbody\r\n";
        assertThat(FromDomains.of(InboundMessage.parse(message.getBytes(StandardCharsets.UTF_8))).toString())
                .isEqualTo(expected);
    }
}
