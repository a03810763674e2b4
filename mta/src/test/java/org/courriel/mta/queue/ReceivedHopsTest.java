package org.courriel.mta.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ReceivedHopsTest {

    @Test
    void countsReceivedFieldsOfTheHeaderOnly() {
        String message = "Received: from a by b\r\n\tfolded; Mon, 1 Jan 2026 00:00:00 +0000\r\n"
                + "RECEIVED: from c by d\r\nX-Received: not a trace field\r\nSubject: hi\r\n\r\n"
                + "Received: in the body does not count\r\n";
        assertThat(ReceivedHops.count(message.getBytes(StandardCharsets.US_ASCII))).isEqualTo(2);
    }
}
