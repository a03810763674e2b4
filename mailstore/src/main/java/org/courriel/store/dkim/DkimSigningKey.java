package org.courriel.store.dkim;

import java.security.PrivateKey;

/** An active key with its private half, for the signer only. {@link #toString()} never shows the private key. */
public record DkimSigningKey(DkimKey key, PrivateKey privateKey) {

    @Override
    public String toString() {
        return "DkimSigningKey[" + key.recordName() + ", " + key.algorithm().tag() + "]";
    }
}
