package org.courriel.pop3.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.imap.testing.ImapClient;
import org.courriel.pop3.testing.Pop3TestSupport;
import org.courriel.store.testing.ScramClient;
import org.junit.jupiter.api.Test;

/** POP3 AUTH SCRAM-SHA-256 (RFC 5034, RFC 7677) over a real connection, with a client computing the proof. */
class Pop3ScramTest extends Pop3TestSupport {

    @Test
    void logsInAndTheServerProvesItKnowsTheKeys() throws Exception {
        try (ImapClient pop = new ImapClient(pop3Port())) {
            assertThat(pop.readLine()).startsWith("+OK");
            ScramClient scram = new ScramClient(user, PASSWORD);
            pop.send("AUTH SCRAM-SHA-256 " + scram.first());
            String serverFirst = pop.readLine();
            assertThat(serverFirst).startsWith("+ ");
            pop.send(scram.last(serverFirst.substring(2)));
            String serverFinal = pop.readLine();
            assertThat(scram.verifies(serverFinal.substring(2))).isTrue();
            pop.send("");
            assertThat(pop.readLine()).isEqualTo("+OK Logged in");
            pop.send("STAT");
            assertThat(pop.readLine()).startsWith("+OK ");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndAMalformedMessageIsAnError() throws Exception {
        try (ImapClient pop = new ImapClient(pop3Port())) {
            assertThat(pop.readLine()).startsWith("+OK");
            ScramClient wrong = new ScramClient(user, "not the password");
            pop.send("AUTH SCRAM-SHA-256 " + wrong.first());
            pop.send(wrong.last(pop.readLine().substring(2)));
            assertThat(pop.readLine()).isEqualTo("-ERR [AUTH] Authentication failed");
            pop.send("AUTH SCRAM-SHA-256 bizsbj1ib2I="); // "n,,n=bob": no nonce
            assertThat(pop.readLine()).startsWith("-ERR");
            pop.send("CAPA");
            assertThat(pop.readLine()).startsWith("+OK");
        }
    }
}
