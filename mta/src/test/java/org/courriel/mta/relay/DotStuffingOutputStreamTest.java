package org.courriel.mta.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotStuffingOutputStreamTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain lines|a\\r\\nb\\r\\n|a\\r\\nb\\r\\n.\\r\\n",
            "leading dot doubled|.hidden\\r\\n|..hidden\\r\\n.\\r\\n",
            "dot line doubled|a\\r\\n.\\r\\nb\\r\\n|a\\r\\n..\\r\\nb\\r\\n.\\r\\n",
            "dot inside a line kept|a.b\\r\\n|a.b\\r\\n.\\r\\n",
            "missing final CRLF added|a|a\\r\\n.\\r\\n",
            "bare LF made CRLF|a\\nb\\n|a\\r\\nb\\r\\n.\\r\\n",
            "bare CR made CRLF|a\\rb|a\\r\\nb\\r\\n.\\r\\n",
            "dot after bare LF doubled|a\\n.b|a\\r\\n..b\\r\\n.\\r\\n",
            "empty content|''|.\\r\\n",
    })
    void stuffsAndTerminates(String name, String content, String expected) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DotStuffingOutputStream out = new DotStuffingOutputStream(wire);
        out.write(unescape(content).getBytes(StandardCharsets.US_ASCII));
        out.finish();
        assertThat(wire.toString(StandardCharsets.US_ASCII)).isEqualTo(unescape(expected));
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n");
    }
}
