package org.courriel.imap.transcript;

import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A quiet session on a busy mailbox drops its queued changes and resynchronises from the store. */
@TestPropertySource(properties = "courriel.imap.max-pending-updates=2")
class OverflowTranscriptTest extends ImapTestSupport {

    @Test
    void droppedChangesAreRecoveredFromTheStore() throws Exception {
        transcript("overflow-resync.txt");
    }
}
