package org.courriel.imap.transcript;

import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;

/** One transcript per rule that a compliance run found broken (issue #9), each failing before its fix. */
class RulesTranscriptTest extends ImapTestSupport {

    @Test
    void everyAtomCharIsTakenInAMailboxName() throws Exception {
        transcript("rules/atom-chars.txt");
    }

    @Test
    void esearchMinOrMaxGivesTheModseqOfTheReturnedMessage() throws Exception {
        transcript("rules/esearch-modseq.txt");
    }

    @Test
    void moveIntoTheSelectedMailboxCopiesThenExpunges() throws Exception {
        transcript("rules/move-into-selected.txt");
    }
}
