package org.courriel.pop3.transcript;

import org.courriel.pop3.testing.Pop3TestSupport;
import org.junit.jupiter.api.Test;

/** POP3 sessions as C:/S: scripts (src/test/resources/transcripts/pop3-*.txt) against the running server. */
class Pop3TranscriptTest extends Pop3TestSupport {

    @Test
    void rfc1939SessionDownloadsDeletesAndTheNextSessionSeesTheRest() throws Exception {
        pop3Transcript("pop3-rfc1939-session.txt");
    }

    @Test
    void everyClientMistakeIsAnsweredErrAndTheSessionGoesOn() throws Exception {
        pop3Transcript("pop3-refusals.txt");
    }

    @Test
    void capabilitiesFollowTheStateAndWhatTheConnectionAllows() throws Exception {
        pop3Transcript("pop3-capa.txt");
    }

    @Test
    void secondSessionOfAnAccountIsRefusedInUseUntilTheFirstQuits() throws Exception {
        pop3Transcript("pop3-lock.txt");
    }

    @Test
    void sizesAndLinesOfAMessageStoredWithBareLineFeedsAreCrlf() throws Exception {
        pop3Transcript("pop3-bare-lf.txt");
    }

    @Test
    void messageAnotherClientRemovesKeepsItsNumberAndSizeButCannotBeRead() throws Exception {
        pop3Transcript("pop3-removed-meanwhile.txt");
    }
}
