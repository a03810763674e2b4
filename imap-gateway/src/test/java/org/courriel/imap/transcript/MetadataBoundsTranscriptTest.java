package org.courriel.imap.transcript;

import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** METADATA's bounds (RFC 5464 §4.3) at RFC 5464's minimums: small enough for a transcript to reach them. */
@TestPropertySource(properties = {"courriel.imap.metadata.max-entry-size=1KB", "courriel.imap.metadata.max-entries=10",
        "courriel.imap.metadata.max-total-size=2000B"})
class MetadataBoundsTranscriptTest extends ImapTestSupport {

    @Test
    void setMetadataPastABoundIsRefusedWholly() throws Exception {
        transcript("rules/metadata-bounds.txt");
    }
}
