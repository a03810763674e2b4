package org.courriel.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageIdTest {

    @ParameterizedTest
    @CsvSource({"0,0,1", "1,1,1", "12,1795000000,42", "9223372036854775807,4294967295,9223372036854775807"})
    void encodedIdsParseBackToTheSameIdentity(long mailbox, long validity, long uid) {
        MessageId id = new MessageId(mailbox, validity, uid);
        String text = id.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(MessageId.parse(text)).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "not-an-id", "AAAA", "AQEBAA", "AgEBAQ", "AQEB", "AQEBAQ=",
            "AQEBAQAA", "AYCAgICAgICAgIABAQE", "AQEBAQ==", "%2e%2e", "AQEBAQAQEBAQAQEBAQAQEBAQAQEBAQAQEBAQAQEBAQAQEBAQ"})
    void anythingElseIsNoId(String text) {
        assertThat(MessageId.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1,1,1,1,1,2", "1,1,1,2,1,1", "1,1,1,1,2,1"})
    void differentIdentitiesGiveDifferentIds(long m1, long v1, long u1, long m2, long v2, long u2) {
        assertThat(new MessageId(m1, v1, u1).encode()).isNotEqualTo(new MessageId(m2, v2, u2).encode());
    }
}
