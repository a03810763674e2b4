package org.courriel.store.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of {@code courriel export} and {@code courriel import} ({@code courriel.transfer.*}).
 *
 * @param maxMessageSize largest message an import reads (a longer one is skipped and reported); also the
 *                       window in which an mbox file is searched for its next {@code From } line, held
 *                       in memory as characters (twice this many bytes) while a file larger than it is read
 */
@ConfigurationProperties("courriel.transfer")
public record TransferProperties(@DefaultValue("32MB") DataSize maxMessageSize) {

    public TransferProperties {
        if (maxMessageSize.toBytes() < 1024 || maxMessageSize.toBytes() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("courriel.transfer.max-message-size must be between 1KB and 1GB");
        }
    }

    int maxBytes() {
        return (int) maxMessageSize.toBytes();
    }
}
