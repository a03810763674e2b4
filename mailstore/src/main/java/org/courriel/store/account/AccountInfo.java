package org.courriel.store.account;

/** What the protocols know of an account. {@code quotaBytes} 0 means no quota. */
public record AccountInfo(long id, String address, String displayName, long quotaBytes, long usedBytes,
        boolean enabled, boolean admin) {

    /** Whether {@code bytes} more would still fit in the quota (RFC 9208). */
    public boolean fits(long bytes) {
        return quotaBytes == 0 || usedBytes + bytes <= quotaBytes;
    }
}
