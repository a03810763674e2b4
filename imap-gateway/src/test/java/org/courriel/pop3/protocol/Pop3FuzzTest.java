package org.courriel.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.courriel.access.net.LineReader;
import org.courriel.access.net.LineTooLongException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever a client sends, reading lines then parsing each gives a request or a syntax error (-ERR), never
 * another exception; whatever a message holds, RETR's bytes are CRLF lines ending with "." and, without the
 * stuffing and the terminator, exactly the size LIST reports (RFC 1939 §11).
 */
class Pop3FuzzTest {

    @FuzzTest
    void everyLineParsesToARequestOrASyntaxError(byte[] input) throws IOException {
        LineReader lines = new LineReader(new ByteArrayInputStream(input));
        while (true) {
            byte[] line;
            try {
                line = lines.readLine(255);
            } catch (LineTooLongException expected) {
                continue; // answered -ERR by the session
            }
            if (line == null) {
                return;
            }
            try {
                Pop3Request request = Pop3CommandParser.parse(line);
                assertThat(request.keyword()).matches("[A-Z]{3,4}");
            } catch (Pop3SyntaxException expected) {
                // -ERR: the declared outcome of a client's mistake
            }
        }
    }

    @FuzzTest
    void retrSendsCrlfLinesWhoseSizeIsTheListedOne(byte[] message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageLines.write(message, MessageLines.ALL, out);
        byte[] sent = out.toByteArray();
        long stuffed = 0;
        int lineStart = 0;
        for (int i = 0; i < sent.length; i++) {
            if (sent[i] == '\n') {
                assertThat(i).as("LF only after CR").isGreaterThan(0);
                assertThat(sent[i - 1]).isEqualTo((byte) '\r');
                boolean terminator = i == sent.length - 1;
                if (!terminator && sent[lineStart] == '.') {
                    assertThat(i - lineStart).as("a stuffed line is more than the dot").isGreaterThan(2);
                    stuffed++;
                }
                lineStart = i + 1;
            }
        }
        assertThat(sent.length - stuffed - 3).isEqualTo(MessageLines.octets(message));
    }
}
