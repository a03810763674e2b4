package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.testing.ScramClient;
import org.junit.jupiter.api.Test;

/**
 * AUTHENTICATE SCRAM-SHA-256 (RFC 7677) over a real connection, with a client that computes the proof from
 * the password and checks the server's signature (RFC 5802 §3).
 */
class ScramLoginTest extends ImapTestSupport {

    @Test
    void logsInWithTheInitialResponseAndTheServerProvesItKnowsTheKeys() throws Exception {
        try (ImapClient client = new ImapClient(port())) {
            assertThat(client.readLine()).contains("AUTH=SCRAM-SHA-256");
            ScramClient scram = new ScramClient(user, PASSWORD);
            client.send("a1 AUTHENTICATE SCRAM-SHA-256 " + scram.first());
            String serverFirst = client.readLine();
            assertThat(serverFirst).startsWith("+ ");
            client.send(scram.last(serverFirst.substring(2)));
            String serverFinal = client.readLine();
            assertThat(serverFinal).startsWith("+ ");
            assertThat(scram.verifies(serverFinal.substring(2))).isTrue();
            client.send("");
            assertThat(client.readUntilTagged("a1")).last().asString().startsWith("a1 OK [CAPABILITY");
            assertThat(client.command("a2", "SELECT INBOX")).last().asString().startsWith("a2 OK");
        }
    }

    @Test
    void logsInWithoutInitialResponse() throws Exception {
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            ScramClient scram = new ScramClient(user, PASSWORD);
            client.send("a1 AUTHENTICATE SCRAM-SHA-256");
            assertThat(client.readLine()).isIn("+", "+ ");
            client.send(scram.first());
            client.send(scram.last(client.readLine().substring(2)));
            assertThat(scram.verifies(client.readLine().substring(2))).isTrue();
            client.send("");
            assertThat(client.readUntilTagged("a1")).last().asString().startsWith("a1 OK");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndANewPasswordWorksAtOnce() throws Exception {
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            ScramClient wrong = new ScramClient(user, "not the password");
            client.send("a1 AUTHENTICATE SCRAM-SHA-256 " + wrong.first());
            client.send(wrong.last(client.readLine().substring(2)));
            assertThat(client.readUntilTagged("a1")).last().asString().startsWith("a1 NO [AUTHENTICATIONFAILED]");

            accounts.setPassword(user, "a brand new password");
            ScramClient old = new ScramClient(user, PASSWORD);
            client.send("a2 AUTHENTICATE SCRAM-SHA-256 " + old.first());
            client.send(old.last(client.readLine().substring(2)));
            assertThat(client.readUntilTagged("a2")).last().asString().startsWith("a2 NO [AUTHENTICATIONFAILED]");

            ScramClient changed = new ScramClient(user, "a brand new password");
            client.send("a3 AUTHENTICATE SCRAM-SHA-256 " + changed.first());
            client.send(changed.last(client.readLine().substring(2)));
            assertThat(changed.verifies(client.readLine().substring(2))).isTrue();
            client.send("");
            assertThat(client.readUntilTagged("a3")).last().asString().startsWith("a3 OK");
        }
    }
}
