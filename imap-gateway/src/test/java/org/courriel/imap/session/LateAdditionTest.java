package org.courriel.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.event.InProcessMailboxEventBus;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * With several nodes the notice of a message can arrive after the notice of a later one (it crossed nodes
 * through PostgreSQL, or was read back after a reconnect). An IDLE session must still announce both, in UID
 * order, rather than drop the late one because a higher UID is already known.
 */
@Import(LateAdditionTest.HoldingBusConfiguration.class)
class LateAdditionTest extends ImapTestSupport {

    /** A node's bus that can keep one event back and publish it later, as a slow path from another node would. */
    static final class HoldingBus extends InProcessMailboxEventBus {

        private volatile boolean holdNext;
        private final List<MailboxEvent> held = new ArrayList<>();

        void holdNext() {
            holdNext = true;
        }

        @Override
        public synchronized void publish(MailboxEvent event) {
            if (holdNext) {
                holdNext = false;
                held.add(event);
                return;
            }
            super.publish(event);
        }

        synchronized void release() {
            held.forEach(super::publish);
            held.clear();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class HoldingBusConfiguration {
        @Bean
        MailboxEventBus holdingBus() {
            return new HoldingBus();
        }
    }

    @Autowired
    MailboxEventBus bus;

    @Test
    void aMessageHeardOfAfterALaterOneIsStillAnnounced() throws Exception {
        HoldingBus holding = (HoldingBus) bus;
        try (ImapClient c = new ImapClient(port())) {
            c.readLine();
            c.command("l", "LOGIN " + user + " \"" + PASSWORD + "\"");
            c.command("s", "SELECT INBOX");
            c.send("i IDLE");
            assertThat(c.readLine()).startsWith("+");

            holding.holdNext();
            long first = deliver("INBOX", "first").uid(); // its notice is late
            deliver("INBOX", "second");
            assertThat(c.readLine()).isEqualTo("* 2 EXISTS");
            holding.release();

            c.send("DONE");
            assertThat(c.readUntilTagged("i")).last().asString().startsWith("i OK");
            List<String> fetched = c.command("f", "FETCH 1:* (UID)");
            assertThat(fetched).contains("* 1 FETCH (UID " + first + ")");
            assertThat(fetched).last().asString().startsWith("f OK");
        }
    }
}
