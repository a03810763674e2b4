package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.courriel.imap.session.LiteralBudget;
import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The literal bytes of all sessions are bounded together: past the budget a literal is refused, not read. */
@TestPropertySource(properties = {"courriel.imap.max-literal-size=64KB", "courriel.imap.max-literals-in-flight=64KB",
        "courriel.imap.literal-budget-wait=0s"})
class LiteralsInFlightTest extends ImapTestSupport {

    private static final int SIZE = 40_000;

    @Autowired
    private LiteralBudget budget;

    private ImapClient login() throws Exception {
        ImapClient client = new ImapClient(port());
        client.readLine();
        assertThat(client.command("a0", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString().startsWith("a0 OK");
        return client;
    }

    private static byte[] message() {
        return ("Subject: big\r\n\r\n" + "x".repeat(SIZE - 18) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void literalsPastTheBudgetAreUnavailableUntilTheHeldOnesAreDone() throws Exception {
        List<ImapClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                clients.add(login());
            }
            ImapClient holder = clients.get(0);
            holder.send("h1 APPEND INBOX {" + SIZE + "}");
            assertThat(holder.readLine()).startsWith("+ ");
            // the holder's 40,000 bytes are reserved: no other 40,000 fit in 64 KiB, whatever the number of clients
            for (int i = 1; i < clients.size(); i++) {
                clients.get(i).send("b" + i + " APPEND INBOX {" + SIZE + "}");
            }
            for (int i = 1; i < clients.size(); i++) {
                assertThat(clients.get(i).readLine()).isEqualTo("b" + i + " NO [UNAVAILABLE] Server busy with other literals; try again");
            }
            assertThat(budget.inFlight()).isLessThanOrEqualTo(64 * 1024);
            holder.sendRaw(message());
            holder.send("");
            assertThat(holder.readUntilTagged("h1")).last().asString().startsWith("h1 OK");
            // given back once the command is done: the next one is admitted
            ImapClient next = clients.get(1);
            next.send("c1 APPEND INBOX {" + SIZE + "}");
            assertThat(next.readLine()).startsWith("+ ");
            next.sendRaw(message());
            next.send("");
            assertThat(next.readUntilTagged("c1")).last().asString().startsWith("c1 OK");
            assertThat(budget.inFlight()).isZero();
        } finally {
            for (ImapClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void nonSynchronizingLiteralPastTheBudgetEndsTheConnection() throws Exception {
        try (ImapClient holder = login(); ImapClient other = login()) {
            holder.send("h1 APPEND INBOX {" + SIZE + "}");
            assertThat(holder.readLine()).startsWith("+ ");
            other.send("o1 APPEND INBOX {" + SIZE + "+}");
            assertThat(other.readLine()).isEqualTo("o1 NO [UNAVAILABLE] Server busy with other literals; try again");
            assertThat(other.readLine()).startsWith("* BYE");
            assertThat(other.readLine()).isNull();
            holder.sendRaw(message());
            holder.send("");
            assertThat(holder.readUntilTagged("h1")).last().asString().startsWith("h1 OK");
        }
    }
}
