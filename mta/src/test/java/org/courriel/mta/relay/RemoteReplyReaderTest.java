package org.courriel.mta.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RemoteReplyReaderTest {

    private static RemoteReply read(String wire) throws IOException {
        return reader(wire).read();
    }

    private static RemoteReplyReader reader(String wire) {
        return new RemoteReplyReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)), 512, 5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "250 OK\\r\\n|250||OK",
            "550 5.1.1 no such user\\r\\n|550|5.1.1|no such user",
            "451 4.7.1 greylisted, try later\\r\\n|451|4.7.1|greylisted, try later",
            "250 2.1.0\\r\\n|250|2.1.0|''",
            // an enhanced code whose class does not match the reply code is text, not status (RFC 3463 §2)
            "550 4.1.1 odd\\r\\n|550||4.1.1 odd",
            "220\\r\\n|220||''",
            "250 bare LF\\n|250||bare LF",
    })
    void readsSingleLineReplies(String wire, int code, String enhanced, String text) throws IOException {
        RemoteReply reply = read(wire.replace("\\r", "\r").replace("\\n", "\n"));
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.enhanced()).isEqualTo(enhanced);
        assertThat(reply.text()).isEqualTo(text);
    }

    @Test
    void readsMultiLineReplyUpToTheLineWithASpace() throws IOException {
        RemoteReplyReader reader = reader("250-mx.example.org hello\r\n250-PIPELINING\r\n250 SIZE 1000\r\n221 bye\r\n");
        assertThat(reader.read().lines()).containsExactly("mx.example.org hello", "PIPELINING", "SIZE 1000");
        assertThat(reader.read().code()).isEqualTo(221);
    }

    @Test
    void rejectsAReplyLongerThanTheLineBound() {
        String longLine = "250 " + "x".repeat(600) + "\r\n";
        assertThatThrownBy(() -> read(longLine)).isInstanceOf(SmtpProtocolException.class).hasMessageContaining("512");
    }

    @Test
    void rejectsAReplyWithMoreLinesThanTheBound() {
        String wire = "250-a\r\n".repeat(10) + "250 end\r\n";
        assertThatThrownBy(() -> read(wire)).isInstanceOf(SmtpProtocolException.class).hasMessageContaining("5 lines");
    }

    @Test
    void rejectsMalformedLines() {
        for (String wire : List.of("hello\r\n", "25\r\n", "250x\r\n", "650 no\r\n", "250-a\r\n251 b\r\n")) {
            assertThatThrownBy(() -> read(wire)).as(wire).isInstanceOf(SmtpProtocolException.class);
        }
    }

    @Test
    void reportsTheServerClosingMidReply() {
        assertThatThrownBy(() -> read("250-partial\r\n")).isInstanceOf(EOFException.class);
    }

    @Test
    void classifiesRepliesByFirstDigit() {
        assertThat(RecipientResult.outcomeOf(RemoteReply.local(250, null, "ok"))).isEqualTo(RecipientResult.Outcome.DELIVERED);
        assertThat(RecipientResult.outcomeOf(RemoteReply.local(451, null, "later"))).isEqualTo(RecipientResult.Outcome.DEFERRED);
        assertThat(RecipientResult.outcomeOf(RemoteReply.local(354, null, "odd"))).isEqualTo(RecipientResult.Outcome.DEFERRED);
        assertThat(RecipientResult.outcomeOf(RemoteReply.local(550, null, "no"))).isEqualTo(RecipientResult.Outcome.FAILED);
        assertThat(RemoteReply.local(550, null, "no").status()).isEqualTo("5.0.0");
    }
}
