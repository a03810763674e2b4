package org.courriel.mta.auth.dkim;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyState;
import org.courriel.store.dkim.DkimSigningKey;

/** Keys made in the test, with the DNS record a verifier would find for them. */
record TestKeys(DkimSigningKey signing) {

    static TestKeys generate(DkimAlgorithm algorithm, String domain, String selector) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm.jcaKeyAlgorithm());
            if (algorithm == DkimAlgorithm.RSA_SHA256) {
                g.initialize(2048);
            }
            KeyPair pair = g.generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            byte[] p = algorithm == DkimAlgorithm.ED25519_SHA256 ? Arrays.copyOfRange(spki, 12, spki.length) : spki;
            DkimKey key = new DkimKey(domain, selector, algorithm, Base64.getEncoder().encodeToString(p),
                    DkimKeyState.ACTIVE, null, null, null);
            return new TestKeys(new DkimSigningKey(key, pair.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    Map<String, String> record() {
        return Map.of(signing.key().recordName(), signing.key().recordText());
    }
}
