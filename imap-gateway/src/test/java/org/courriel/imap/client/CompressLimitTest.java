package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Past {@code courriel.imap.max-compressed-sessions}, COMPRESS is NO [LIMIT] and the session goes on in clear. */
@TestPropertySource(properties = "courriel.imap.max-compressed-sessions=0")
class CompressLimitTest extends ImapTestSupport {

    @Test
    void compressPastTheLimitIsRefusedAndTheSessionGoesOnUncompressed() throws Exception {
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            client.send("a1 LOGIN " + user + " \"" + PASSWORD + "\"");
            client.readUntilTagged("a1");
            client.send("a2 COMPRESS DEFLATE");
            List<String> refused = client.readUntilTagged("a2");
            assertThat(refused.getLast()).startsWith("a2 NO [LIMIT]");
            client.send("a3 NOOP");
            List<String> noop = client.readUntilTagged("a3");
            assertThat(noop.getLast()).startsWith("a3 OK");
        }
    }
}
