package org.courriel.store.dkim;

import java.time.Instant;

/**
 * What is known of a DKIM key without its private half: enough to list it and to print its DNS record.
 *
 * @param publicKey the p= value, base64 (RFC 6376 §3.6.1; RFC 8463 §4: the raw 32-byte Ed25519 key)
 */
public record DkimKey(String domain, String selector, DkimAlgorithm algorithm, String publicKey, DkimKeyState state,
        Instant createdAt, Instant activatedAt, Instant retiredAt) {

    /** The owner name of the key record (RFC 6376 §3.6.2.1). */
    public String recordName() {
        return selector + "._domainkey." + domain;
    }

    /** The TXT record's text (RFC 6376 §3.6.1), one string; DNS tools split it into 255-byte pieces. */
    public String recordText() {
        return "v=DKIM1; k=" + algorithm.keyType() + "; p=" + publicKey;
    }
}
