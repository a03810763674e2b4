package org.courriel.pop3.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.courriel.imap.testing.ImapClient;
import org.courriel.pop3.testing.Pop3TestSupport;
import org.junit.jupiter.api.Test;

/**
 * A stopping server closes a session waiting for its next command at once, deletes nothing of what it marked
 * (RFC 1939 §6: no UPDATE without QUIT) and frees its maildrop lock for the next session.
 */
class Pop3ShutdownTest extends Pop3TestSupport {

    @Test
    void waitingSessionIsClosedAtOnceAndItsLockAndMessagesAreLeft() throws Exception {
        deliver("INBOX", "kept");
        try (ImapClient pop = new ImapClient(pop3Port())) {
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("USER " + user);
            pop.send("PASS " + PASSWORD);
            pop.send("DELE 1");
            pop.readLine();
            assertThat(pop.readLine()).isEqualTo("+OK Logged in");
            assertThat(pop.readLine()).startsWith("+OK Message 1 deleted");

            long started = System.nanoTime();
            pop3.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(pop.readLine()).isNull();
        } finally {
            pop3.start();
        }
        try (ImapClient pop = new ImapClient(pop3Port())) {
            assertThat(pop.readLine()).startsWith("+OK");
            pop.send("USER " + user);
            pop.readLine();
            pop.send("PASS " + PASSWORD);
            assertThat(pop.readLine()).isEqualTo("+OK Logged in");
            pop.send("STAT");
            assertThat(pop.readLine()).startsWith("+OK 1 ");
        }
    }
}
