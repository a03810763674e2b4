package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;

/** Mailbox names: invalid modified UTF-7 is refused, and no reply quotes a control character back. */
class MailboxNameEncodingTest extends ImapTestSupport {

    private ImapClient login() throws Exception {
        ImapClient client = new ImapClient(port());
        client.readLine();
        assertThat(client.command("a0", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString().startsWith("a0 OK");
        return client;
    }

    @Test
    void invalidModifiedUtf7IsBadInsteadOfOneMailboxForManyNames() throws Exception {
        try (ImapClient client = login()) {
            // RFC 3501 §5.1.3: unpaired surrogates used to decode to U+FFFD, so the second CREATE said ALREADYEXISTS
            assertThat(client.command("a1", "CREATE &2D0-")).last().asString().startsWith("a1 BAD invalid modified UTF-7");
            assertThat(client.command("a2", "CREATE &3AA-")).last().asString().startsWith("a2 BAD invalid modified UTF-7");
            assertThat(client.command("a3", "CREATE &2D3YPQ-")).last().asString().startsWith("a3 BAD");
            assertThat(client.command("a4", "CREATE &AGE-")).last().asString().startsWith("a4 BAD");
            assertThat(client.command("a5", "LIST \"\" *")).noneMatch(line -> line.contains("\ufffd"));
            assertThat(client.command("a6", "CREATE &2D3eAA-")).singleElement().asString()
                    .matches("a6 OK \\[MAILBOXID \\(F\\d+\\)\\] CREATE completed");
            assertThat(client.command("a7", "LIST \"\" &2D3eAA-"))
                    .containsExactly("* LIST (\\HasNoChildren) \"/\" \"&2D3eAA-\"", "a7 OK LIST completed");
        }
    }

    @Test
    void controlCharactersInNamesAreNeverEchoed() throws Exception {
        try (ImapClient client = login()) {
            client.sendRaw("a1 CREATE {5+}\r\nx\u0007\u001b[y\r\n".getBytes(StandardCharsets.US_ASCII));
            List<String> rev1 = client.readUntilTagged("a1");
            assertThat(rev1).last().asString().startsWith("a1 BAD");
            assertThat(client.command("a2", "ENABLE UTF8=ACCEPT")).last().asString().startsWith("a2 OK");
            client.sendRaw("a3 CREATE {5+}\r\nx\u0007\u001b[y\r\n".getBytes(StandardCharsets.US_ASCII));
            List<String> utf8 = client.readUntilTagged("a3");
            assertThat(utf8).last().asString().startsWith("a3 NO [CANNOT]").contains("x??[y");
            assertThat(String.join("\n", rev1) + String.join("\n", utf8)).doesNotContain("\u0007", "\u001b");
            assertThat(client.command("a4", "NOOP")).containsExactly("a4 OK NOOP completed");
        }
    }
}
