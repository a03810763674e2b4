package org.courriel.store.mime;

import java.time.Instant;

/**
 * What the protocols need of a message without reading its body again: computed once when the content is
 * first stored, kept as JSON beside it.
 *
 * @param envelope      the IMAP envelope of the top-level header
 * @param body          the MIME structure
 * @param sentDate      the Date header as an instant, or null when absent or unparseable
 * @param subject       the Subject with encoded words decoded, or null
 * @param fromAddress   the first From address, lower case, or null
 * @param toAddress     the first To address, lower case, or null
 */
public record MessageSummary(
        Envelope envelope,
        BodyStructure body,
        Instant sentDate,
        String subject,
        String fromAddress,
        String toAddress) {

    public boolean hasAttachment() {
        return body.hasAttachment();
    }
}
