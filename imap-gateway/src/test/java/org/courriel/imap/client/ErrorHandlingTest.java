package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Syntax errors, oversized input and commands out of state: answered, and the session goes on. */
@TestPropertySource(properties = {"courriel.imap.max-line-length=2048", "courriel.imap.max-literal-size=1KB"})
class ErrorHandlingTest extends ImapTestSupport {

    private ImapClient login() throws Exception {
        ImapClient client = new ImapClient(port());
        client.readLine();
        assertThat(client.command("a0", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString().startsWith("a0 OK");
        return client;
    }

    @Test
    void syntaxErrorsAreBadAndTheSessionGoesOn() throws Exception {
        try (ImapClient client = login()) {
            assertThat(client.command("a1", "FROB")).containsExactly("a1 BAD Unknown command FROB");
            assertThat(client.command("a2", "SELECT")).last().asString().startsWith("a2 BAD");
            assertThat(client.command("a3", "LIST \"unterminated")).last().asString().startsWith("a3 BAD");
            client.send("(((");
            assertThat(client.readLine()).startsWith("* BAD");
            assertThat(client.command("a4", "NOOP")).containsExactly("a4 OK NOOP completed");
        }
        assertThat(meters().get("courriel.imap.commands").tag("command", "SELECT").tag("result", "BAD").counter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters().get("courriel.imap.commands").tag("command", "unknown").tag("result", "BAD").counter().count())
                .isGreaterThanOrEqualTo(2);
        assertThat(meters().get("courriel.imap.sessions").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void commandsOutOfStateAreBad() throws Exception {
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            assertThat(client.command("a1", "SELECT INBOX")).last().asString().startsWith("a1 BAD");
            assertThat(client.command("a2", "FETCH 1 FLAGS")).last().asString().startsWith("a2 BAD");
        }
        try (ImapClient client = login()) {
            assertThat(client.command("a1", "LOGIN x y")).last().asString().startsWith("a1 BAD");
            assertThat(client.command("a2", "EXPUNGE")).last().asString().startsWith("a2 BAD");
        }
    }

    @Test
    void tooLongLineIsBadAndTheNextCommandWorks() throws Exception {
        try (ImapClient client = login()) {
            client.send("a1 LIST \"\" \"" + "x".repeat(5000) + "\"");
            assertThat(client.readLine()).isEqualTo("a1 BAD Command line too long");
            assertThat(client.command("a2", "NOOP")).containsExactly("a2 OK NOOP completed");
        }
    }

    @Test
    void tooBigLiteralIsRefusedWithToobig() throws Exception {
        try (ImapClient client = login()) {
            client.send("a1 APPEND INBOX {5000}");
            assertThat(client.readLine()).startsWith("a1 NO [TOOBIG]");
            assertThat(client.command("a2", "NOOP")).containsExactly("a2 OK NOOP completed");
            client.send("a3 APPEND INBOX {5000+}");
            List<String> rest = List.of(client.readLine(), String.valueOf(client.readLine()));
            assertThat(rest.get(0)).startsWith("* BYE");
            assertThat(rest.get(1)).isEqualTo("null");
        }
    }

    @Test
    void invalidMessageNumbersAreBadButUnknownUidsMatchNothing() throws Exception {
        deliver("INBOX", "only");
        try (ImapClient client = login()) {
            client.command("a1", "SELECT INBOX");
            assertThat(client.command("a2", "FETCH 2 FLAGS")).last().asString().startsWith("a2 BAD");
            assertThat(client.command("a3", "UID FETCH 7:9 FLAGS")).containsExactly("a3 OK UID FETCH completed");
            // RFC 9051 §6.4.9: 7:* always names the highest UID
            assertThat(client.command("a4", "UID FETCH 7:* FLAGS")).containsExactly("* 1 FETCH (UID 1 FLAGS (\\Recent))",
                    "a4 OK UID FETCH completed");
        }
    }
}
