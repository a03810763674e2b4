package org.courriel.store.dkim;

import java.util.Locale;

import org.courriel.store.StoreException;

/** The signing algorithms a DKIM key may have: the a= tag of a signature and the k= tag of its DNS record. */
public enum DkimAlgorithm {

    /** RFC 6376 §3.3.1, with the 2048-bit keys RFC 8301 §3.2 recommends. */
    RSA_SHA256("rsa-sha256", "rsa", "RSA", "SHA256withRSA"),
    /** RFC 8463 §3: PureEdDSA over the SHA-256 of the header hash input. */
    ED25519_SHA256("ed25519-sha256", "ed25519", "Ed25519", "Ed25519");

    private final String tag;
    private final String keyType;
    private final String jcaKeyAlgorithm;
    private final String jcaSignature;

    DkimAlgorithm(String tag, String keyType, String jcaKeyAlgorithm, String jcaSignature) {
        this.tag = tag;
        this.keyType = keyType;
        this.jcaKeyAlgorithm = jcaKeyAlgorithm;
        this.jcaSignature = jcaSignature;
    }

    /** The a= value, e.g. {@code rsa-sha256}. */
    public String tag() {
        return tag;
    }

    /** The k= value of the key record, e.g. {@code rsa}. */
    public String keyType() {
        return keyType;
    }

    /** The JCA key algorithm name. */
    public String jcaKeyAlgorithm() {
        return jcaKeyAlgorithm;
    }

    /** The JCA signature algorithm name. */
    public String jcaSignature() {
        return jcaSignature;
    }

    /** From an a= value or the short names {@code rsa} and {@code ed25519} the admin types. */
    public static DkimAlgorithm of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (DkimAlgorithm a : values()) {
            if (a.tag.equals(n) || a.keyType.equals(n)) {
                return a;
            }
        }
        throw StoreException.invalid("unknown DKIM algorithm " + name + " (rsa or ed25519)");
    }
}
