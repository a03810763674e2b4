package org.courriel.imap.transcript;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.message.Flags;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What CATENATE's URLs bring in is reserved from the literals' budget (courriel.imap.max-literals-in-flight), here
 * 96 KB, with messages of at most 64 KB: a message of two 30 KB URLs needs the parts and the message built
 * from them, more than the budget, and is NO [UNAVAILABLE]; the reservation is given back, so one URL then fits.
 * The header of a 100 KB message is read alone and fits; its text cannot.
 */
@TestPropertySource(properties = {"courriel.imap.max-literal-size=64KB", "courriel.imap.max-literals-in-flight=96KB",
    "courriel.imap.literal-budget-wait=100ms"})
class CatenateMemoryTranscriptTest extends ImapTestSupport {

    @Test
    void urlContentIsReservedFromTheLiteralBudget() throws Exception {
        byte[] big = ("Subject: thirty kilobytes\r\n\r\n" + "0123456789abcdef\r\n".repeat(1650))
                .getBytes(StandardCharsets.US_ASCII);
        long inbox = mailboxes.get(account.id(), "INBOX").id();
        messages.append(inbox, big, Flags.NONE, Instant.now());
        byte[] huge = ("Subject: a hundred kilobytes\r\n\r\n" + "0123456789abcdef\r\n".repeat(5600))
                .getBytes(StandardCharsets.US_ASCII);
        messages.append(inbox, huge, Flags.NONE, Instant.now());
        transcript("rules/catenate-memory.txt");
    }
}
