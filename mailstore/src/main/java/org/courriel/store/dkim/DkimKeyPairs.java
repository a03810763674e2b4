package org.courriel.store.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Creates key pairs and encodes their halves the way DKIM and the store want them. JDK providers only. */
final class DkimKeyPairs {

    /** RFC 8301 §3.2: signers use RSA keys of at least 2048 bits (and verifiers accept up to 4096). */
    static final int RSA_BITS = 2048;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4), ahead of the raw 32-byte key. */
    private static final int ED25519_SPKI_PREFIX = 12;

    private DkimKeyPairs() {
    }

    static KeyPair generate(DkimAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaKeyAlgorithm());
            if (algorithm == DkimAlgorithm.RSA_SHA256) {
                generator.initialize(RSA_BITS);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make " + algorithm.tag() + " keys", e);
        }
    }

    /**
     * The p= value: for RSA the base64 of the SubjectPublicKeyInfo, as RFC 6376 §3.6.1 and every published
     * record has it; for Ed25519 the base64 of the raw 32-byte key (RFC 8463 §4).
     */
    static String publicKeyText(DkimAlgorithm algorithm, PublicKey key) {
        byte[] spki = key.getEncoded();
        byte[] p = algorithm == DkimAlgorithm.ED25519_SHA256
                ? Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX, spki.length) : spki;
        return Base64.getEncoder().encodeToString(p);
    }

    static PrivateKey privateKey(DkimAlgorithm algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm.jcaKeyAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored " + algorithm.tag() + " key cannot be decoded", e);
        }
    }
}
