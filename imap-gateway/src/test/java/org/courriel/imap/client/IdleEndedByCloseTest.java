package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;

/** RFC 9051 §6.3.13, §7.1.3: a client that closes its connection during IDLE did nothing wrong. */
class IdleEndedByCloseTest extends ImapTestSupport {

    @Test
    void closedConnectionEndsIdleSilentlyAndCountsAsANormalEnd() throws Exception {
        double badBefore = count("BAD");
        double okBefore = count("OK");
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            assertThat(client.command("a1", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString().startsWith("a1 OK");
            assertThat(client.command("a2", "SELECT INBOX")).last().asString().startsWith("a2 OK");
            client.send("a3 IDLE");
            assertThat(client.readLine()).startsWith("+ ");
            client.socket().shutdownOutput();
            // the server answers nothing more and closes its side
            assertThat(client.readLine()).isNull();
        }
        assertThat(count("BAD")).isEqualTo(badBefore);
        assertThat(count("OK")).isEqualTo(okBefore + 1);
    }

    private double count(String result) {
        var counter = meters().find("courriel.imap.commands").tag("command", "IDLE").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }
}
