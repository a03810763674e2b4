package org.courriel.imap.command;

import org.courriel.imap.protocol.CommandParser;
import org.courriel.imap.protocol.ImapSyntaxException;
import org.courriel.imap.protocol.SequenceSet;
import org.courriel.store.message.UidSet;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Search keys (RFC 9051 §6.4.4, §9 search-key) from any bytes: a {@link SearchParser.Result} or an
 * {@link ImapSyntaxException}, never another exception. The resolver maps sequence sets as a session
 * would, so the UID ranges it builds are exercised too.
 */
class SearchParserFuzzTest {

    private static final SearchParser.Resolver RESOLVER = new SearchParser.Resolver() {
        @Override
        public UidSet uids(SequenceSet set, boolean byUid) {
            return UidSet.of(set.ranges().stream()
                    .map(r -> new UidSet.Range(Math.min(r.low(), 1000), Math.min(r.high(), 1000))).toList());
        }

        @Override
        public UidSet recent() {
            return UidSet.range(90, 99);
        }
    };

    @FuzzTest
    @DictionaryFile(resourcePath = "imap.dict")
    void searchKeysParseOrAreASyntaxError(byte[] input) {
        byte[] keys = new byte[input.length + 1];
        keys[0] = ' ';
        System.arraycopy(input, 0, keys, 1, input.length);
        try {
            SearchParser.parse(new CommandParser(keys), RESOLVER);
        } catch (ImapSyntaxException expected) {
            // BAD
        }
    }
}
