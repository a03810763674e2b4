package org.courriel.imap.transcript;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;

import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The command transcripts of {@code transcripts/commands/tls-required/}: LOGIN and AUTHENTICATE where plaintext
 * is refused before TLS even on loopback (RFC 9051 §6.2.3 LOGINDISABLED), then after STARTTLS.
 */
@TestPropertySource(properties = "courriel.imap.allow-plaintext-loopback=false")
class TlsRequiredTranscriptTest extends ImapTestSupport {

    static List<String> commands() throws IOException, URISyntaxException {
        return CommandTranscriptTest.files("commands/tls-required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void commandFollowsItsRfcBeforeTls(String file) throws Exception {
        transcript(file);
    }
}
