package org.courriel.imap.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.StoreException;
import org.courriel.store.event.InProcessMailboxEventBus;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.mailbox.RecentWatermark;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Claiming \Recent (RFC 3501 §2.3.2) is a database write and can fail. A SELECT that fails on it leaves no
 * listener behind; an update whose claim fails still announces the new message, just not as recent.
 */
@Import(RecentClaimFailureTest.WatchingBusConfiguration.class)
class RecentClaimFailureTest extends ImapTestSupport {

    /** This node's bus, telling whether a mailbox still has a listener. */
    static final class WatchingBus extends InProcessMailboxEventBus {
        boolean watches(long mailboxId) {
            return isWatched(mailboxId);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class WatchingBusConfiguration {
        @Bean
        MailboxEventBus watchingBus() {
            return new WatchingBus();
        }
    }

    @Autowired
    MailboxEventBus bus;

    @MockitoSpyBean
    RecentWatermark recent;

    private void failClaims() {
        doThrow(new StoreException(StoreException.Reason.UNAVAILABLE, "the watermark is unavailable"))
                .when(recent).claimUpTo(anyLong(), anyLong());
    }

    @Test
    void aSelectWhoseClaimFailsLeavesNoListener() throws Exception {
        long inbox = mailboxes.get(account.id(), "INBOX").id();
        failClaims();
        try (ImapClient c = new ImapClient(port())) {
            c.readLine();
            c.command("l", "LOGIN " + user + " \"" + PASSWORD + "\"");
            assertThat(c.command("s", "SELECT INBOX")).last().asString().startsWith("s NO");
            assertThat(((WatchingBus) bus).watches(inbox)).isFalse();
        }
    }

    @Test
    void aNewMessageIsAnnouncedWhenItsClaimFails() throws Exception {
        try (ImapClient c = new ImapClient(port())) {
            c.readLine();
            c.command("l", "LOGIN " + user + " \"" + PASSWORD + "\"");
            assertThat(c.command("s", "SELECT INBOX")).last().asString().startsWith("s OK");
            failClaims();
            c.send("i IDLE");
            assertThat(c.readLine()).startsWith("+");
            deliver("INBOX", "one");
            assertThat(c.readLine()).isEqualTo("* 1 EXISTS");
            assertThat(c.readLine()).isEqualTo("* 0 RECENT");
            c.send("DONE");
            assertThat(c.readUntilTagged("i")).last().asString().startsWith("i OK");
            assertThat(c.command("f", "FETCH 1 (UID)")).containsExactly("* 1 FETCH (UID 1)", "f OK FETCH completed");
        }
    }
}
