package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;

/** SEARCH programs past the nesting and key bounds are answered with BAD, and the session goes on. */
class SearchLimitsTest extends ImapTestSupport {

    private ImapClient selectInbox() throws Exception {
        deliver("INBOX", "one");
        ImapClient client = new ImapClient(port());
        client.readLine();
        assertThat(client.command("a0", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString().startsWith("a0 OK");
        assertThat(client.command("a1", "SELECT INBOX")).last().asString().startsWith("a1 OK");
        return client;
    }

    @Test
    void deeplyNestedNotAndOrAreBadAndTheSessionGoesOn() throws Exception {
        try (ImapClient client = selectInbox()) {
            assertThat(client.command("a2", "SEARCH " + "NOT ".repeat(15_000) + "ALL")).last().asString()
                    .startsWith("a2 BAD").contains("nested too deep");
            assertThat(client.command("a3", "UID SEARCH " + "OR ".repeat(5_000) + "ALL" + " ALL".repeat(5_000)))
                    .last().asString().startsWith("a3 BAD");
            assertThat(client.command("a4", "SEARCH " + "(".repeat(500) + "ALL" + ")".repeat(500))).last().asString()
                    .startsWith("a4 BAD").contains("nested too deep");
            assertThat(client.command("a5", "SEARCH " + "SEEN ".repeat(2_000) + "ALL")).last().asString()
                    .startsWith("a5 BAD").contains("too many search keys");
            assertThat(client.command("a6", "SEARCH NOT NOT ALL")).containsExactly("* SEARCH 1", "a6 OK SEARCH completed");
        }
    }
}
