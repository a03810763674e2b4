package org.courriel.imap.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.event.MailboxEvent;
import org.courriel.store.event.MailboxEventBus;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.FlagChange;
import org.courriel.store.message.Flags;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An IDLE session tells flag changes from the events that carry them (RFC 9051 §7.5.2), without reading the
 * store; only an event without flags, or one that may be late, sends it to the store. The sessions are
 * IMAP4rev1 ones that selected the mailbox first, so its messages are \Recent to them.
 */
class FlagsFromEventsTest extends ImapTestSupport {

    @Autowired
    MailboxEventBus bus;

    private ImapClient idle() throws Exception {
        ImapClient c = new ImapClient(port());
        c.readLine();
        c.command("l", "LOGIN " + user + " \"" + PASSWORD + "\"");
        c.command("s", "SELECT INBOX");
        c.send("i IDLE");
        assertThat(c.readLine()).startsWith("+");
        return c;
    }

    private MailboxInfo inbox() {
        return mailboxes.get(account.id(), "INBOX");
    }

    @Test
    void anotherSessionsStoreIsToldWithItsFlags() throws Exception {
        long uid = deliver("INBOX", "one").uid();
        try (ImapClient c = idle()) {
            messages.storeFlags(inbox().id(), UidSet.of(uid),
                    new FlagChange(FlagChange.Mode.ADD, Flags.of(SystemFlag.SEEN)), null);
            assertThat(c.readLine()).isEqualTo("* 1 FETCH (UID " + uid + " FLAGS (\\Seen \\Recent))");
            c.send("DONE");
            assertThat(c.readUntilTagged("i")).last().asString().startsWith("i OK");
        }
    }

    @Test
    void theFlagsAnEventCarriesAreToldAsTheyCame() throws Exception {
        AppendResult one = deliver("INBOX", "one");
        try (ImapClient c = idle()) {
            // flags the store does not have: only the event can have told them
            bus.publish(new MailboxEvent.FlagsChanged(account.id(), one.mailboxId(), List.of(one.uid()),
                    inbox().highestModseq() + 1, List.of(new MailboxEvent.FlagValues(SystemFlag.FLAGGED.bit(),
                            Set.of("$Label1")))));
            // $Label1 is new to the session: FLAGS and PERMANENTFLAGS announce it first (RFC 9051 §7.3.5)
            assertThat(c.readLine()).isEqualTo("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Label1)");
            assertThat(c.readLine()).startsWith("* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Label1 \\*)]");
            assertThat(c.readLine()).isEqualTo("* 1 FETCH (UID " + one.uid() + " FLAGS (\\Flagged $Label1 \\Recent))");
            c.send("DONE");
            assertThat(c.readUntilTagged("i")).last().asString().startsWith("i OK");
        }
    }

    @Test
    void anEventWithoutFlagsOrNotNewerThanTheSessionKnewIsReadFromTheStore() throws Exception {
        AppendResult one = deliver("INBOX", "one");
        messages.storeFlags(one.mailboxId(), UidSet.of(one.uid()),
                new FlagChange(FlagChange.Mode.ADD, Flags.of(SystemFlag.ANSWERED)), null);
        try (ImapClient c = idle()) {
            long known = inbox().highestModseq();
            bus.publish(new MailboxEvent.FlagsChanged(account.id(), one.mailboxId(), List.of(one.uid()), known + 1));
            assertThat(c.readLine()).isEqualTo("* 1 FETCH (UID " + one.uid() + " FLAGS (\\Answered \\Recent))");
            bus.publish(new MailboxEvent.FlagsChanged(account.id(), one.mailboxId(), List.of(one.uid()), known,
                    List.of(new MailboxEvent.FlagValues(SystemFlag.DRAFT.bit(), Set.of()))));
            assertThat(c.readLine()).as("a late event")
                    .isEqualTo("* 1 FETCH (UID " + one.uid() + " FLAGS (\\Answered \\Recent))");
            c.send("DONE");
            assertThat(c.readUntilTagged("i")).last().asString().startsWith("i OK");
        }
    }
}
