package org.courriel.store.srs;

import java.time.Instant;
import java.util.Arrays;

/**
 * One SRS signing secret.
 *
 * @param serial  its place in the rotation: the highest signs
 * @param key     the HMAC key bytes
 * @param created when it was generated
 */
public record SrsSecret(int serial, byte[] key, Instant created) {

    public SrsSecret {
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrsSecret s && s.serial == serial && Arrays.equals(s.key, key);
    }

    @Override
    public int hashCode() {
        return serial;
    }

    @Override
    public String toString() {
        return "SrsSecret[" + serial + ", created " + created + "]"; // never the key
    }
}
