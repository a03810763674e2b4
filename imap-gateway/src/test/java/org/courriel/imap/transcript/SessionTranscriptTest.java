package org.courriel.imap.transcript;

import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;

/** Transcripts of whole sessions against the running gateway. */
class SessionTranscriptTest extends ImapTestSupport {

    @Test
    void rfc9051SampleSessionRuns() throws Exception {
        transcript("rfc9051-sample.txt");
    }

    @Test
    void thunderbirdFirstSyncReadsHeadersThenIdlesAndMoves() throws Exception {
        transcript("thunderbird-first-sync.txt");
    }

    @Test
    void twoSessionsSeeEachOthersChangesAtAllowedBoundaries() throws Exception {
        transcript("two-sessions-expunge.txt");
    }

    @Test
    void condstoreAndQresyncResynchroniseAfterChanges() throws Exception {
        transcript("condstore-qresync.txt");
    }

    @Test
    void mailboxCommandsFollowTheirRfcs() throws Exception {
        transcript("mailbox-commands.txt");
    }

    @Test
    void messageCommandsFollowTheirRfcs() throws Exception {
        transcript("message-commands.txt");
    }

    @Test
    void idleSessionHearsOfFlagsExpungesAndAppendsAtOnce() throws Exception {
        transcript("idle-updates.txt");
    }

    @Test
    void mbsyncAndMuttSessionsRun() throws Exception {
        transcript("mbsync-mutt.txt");
    }
}
