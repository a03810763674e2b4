package org.courriel.store.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.store.mime.Envelope;
import org.courriel.store.mime.EnvelopeAddress;
import org.courriel.store.mime.EnvelopeAddresses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5256 §3 FROM/TO/CC (the first addr-mailbox) and RFC 5957 §3 (the display value), from address fields. */
class SortFieldsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "Alice Martin <alice@example.com>, bob@example.org|alice|Alice Martin",
        "bob@example.org|bob|bob@example.org",
        "bob@example.org (Bob Stone)|bob|Bob Stone",
        "=?UTF-8?Q?=C3=89mile?= <emile@example.com>|emile|\u00c9mile",
        "'\"\" <quiet@example.com>'|quiet|quiet@example.com",
        "Team: alice@example.com, bob@example.org;|Team|Team",
        "''|''|''"})
    void firstAddressKeys(String field, String mailbox, String display) {
        List<EnvelopeAddress> addresses = EnvelopeAddresses.parse(field);
        assertThat(SortFields.mailbox(addresses)).isEqualTo(mailbox);
        assertThat(SortFields.display(addresses)).isEqualTo(display);
    }

    @org.junit.jupiter.api.Test
    void keysAreCollatedOctets() {
        Envelope envelope = new Envelope(null, "Re: [x] \u00e9t\u00e9", EnvelopeAddresses.parse("Zo\u00e9 <zoe@x.org>"),
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        SortFields f = SortFields.of(envelope);
        assertThat(new String(f.subject(), StandardCharsets.UTF_8)).isEqualTo("E\u0301TE\u0301");
        assertThat(f.replyOrForward()).isTrue();
        assertThat(new String(f.from(), StandardCharsets.UTF_8)).isEqualTo("ZOE");
        assertThat(new String(f.displayFrom(), StandardCharsets.UTF_8)).isEqualTo("ZOE\u0301");
        assertThat(f.to()).isEmpty();
        assertThat(f.displayTo()).isEmpty();
    }
}
