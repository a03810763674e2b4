package org.courriel.imap.transcript;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.imap.testing.Transcript;
import org.courriel.store.message.Flags;
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

    @Test
    void addressKeysMatchTheParsedAddresses() throws Exception {
        transcript("rules/address-search.txt");
    }

    @Test
    void aCommentAfterABareAddressIsItsDisplayName() throws Exception {
        transcript("rules/comment-name.txt");
    }

    @Test
    void theTextbookDialogueHasItsTwoLinesAsTheBody() throws Exception {
        transcript("rules/textbook-dialogue.txt");
    }

    @Test
    void aKeywordIsAnnouncedByFlagsBeforeItIsShown() throws Exception {
        transcript("rules/keywords-announced.txt");
    }

    @Test
    void examineAfterAppendGivesSelectsRecentCount() throws Exception {
        transcript("rules/examine-recent.txt");
    }

    /** {@code !append-file MAILBOX RESOURCE}: a message from the transcripts' resources, lines ending in CRLF. */
    @Override
    protected void hook(String command, String argument, Map<String, String> variables) throws Exception {
        if (!command.equals("append-file")) {
            super.hook(command, argument, variables);
            return;
        }
        String[] parts = argument.split(" ", 2);
        byte[] message = Transcript.resource(parts[1]).replace("\r\n", "\n").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        messages.append(mailboxes.get(account.id(), parts[0]).id(), message, Flags.NONE, Instant.now());
    }
}
