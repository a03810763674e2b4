package org.courriel.imap.config;

import org.courriel.store.metadata.MetadataLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of IMAP METADATA (RFC 5464), {@code courriel.imap.metadata.*}, per account. Changes take effect on
 * restart. RFC 5464 §4.1 asks for at least 1024 bytes per value and 10 entries.
 *
 * @param maxEntrySize largest value of one entry; larger is refused with {@code NO [METADATA MAXSIZE n]}
 * @param maxEntries   most entries of one account (its /private ones and the /shared ones of its mailboxes);
 *                     more is refused with {@code NO [METADATA TOOMANY]}
 * @param maxTotalSize most value bytes of all the account's entries together; more is refused with {@code NO [TOOBIG]}
 * @param admin        the server's {@code /shared/admin} entry, a URI to reach the administrator (RFC 5464
 *                     §3.2.1.1, e.g. {@code mailto:postmaster@example.org}); empty: no such entry
 */
@ConfigurationProperties("courriel.imap.metadata")
public record ImapMetadataProperties(
        @DefaultValue("64KB") DataSize maxEntrySize,
        @DefaultValue("1000") int maxEntries,
        @DefaultValue("1MB") DataSize maxTotalSize,
        @DefaultValue("") String admin) {

    public ImapMetadataProperties {
        limits(maxEntrySize, maxEntries, maxTotalSize); // refuses bounds below RFC 5464's minimum at start
    }

    public MetadataLimits limits() {
        return limits(maxEntrySize, maxEntries, maxTotalSize);
    }

    private static MetadataLimits limits(DataSize maxEntrySize, int maxEntries, DataSize maxTotalSize) {
        try {
            return new MetadataLimits(maxEntrySize.toBytes(), maxEntries, maxTotalSize.toBytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("courriel.imap.metadata.*: " + e.getMessage(), e);
        }
    }
}
