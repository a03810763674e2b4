package org.courriel.imap.transcript;

import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code courriel.imap.subscribe-on-create}, CREATE subscribes the new name (off by default). */
@TestPropertySource(properties = "courriel.imap.subscribe-on-create=true")
class SubscribeOnCreateTranscriptTest extends ImapTestSupport {

    @Test
    void createSubscribesWhenTheSettingSaysSo() throws Exception {
        transcript("rules/subscribe-on-create.txt");
    }
}
