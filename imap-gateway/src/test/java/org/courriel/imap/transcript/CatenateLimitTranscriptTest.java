package org.courriel.imap.transcript;

import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** CATENATE's TOOBIG (RFC 4469 §4.2) with a small APPEND limit, so that the test builds a few KB, not 64 MB. */
@TestPropertySource(properties = "courriel.imap.max-literal-size=1KB")
class CatenateLimitTranscriptTest extends ImapTestSupport {

    @Test
    void catenatedMessagesPastTheAppendLimitAreTooBig() throws Exception {
        transcript("rules/catenate-toobig.txt");
    }
}
