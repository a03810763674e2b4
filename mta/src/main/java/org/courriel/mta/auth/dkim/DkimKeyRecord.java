package org.courriel.mta.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DKIM key record, the TXT of {@code selector._domainkey.domain} (RFC 6376 §3.6.1). Pure.
 *
 * @param keyType  {@code k=}: rsa (default) or ed25519 (RFC 8463 §4)
 * @param key      {@code p=} decoded; empty when the key is revoked
 * @param testing  {@code t=y}: the domain is testing DKIM
 * @param strict   {@code t=s}: i= must be d= exactly
 */
public record DkimKeyRecord(String keyType, byte[] key, List<String> hashes, boolean testing, boolean strict) {

    /** RFC 8410 §4: the DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
        0x21, 0x00};
    /** RFC 8301 §3.2: shorter RSA keys are not valid. */
    static final int MIN_RSA_BITS = 1024;

    public static DkimKeyRecord parse(String txt) throws DkimException {
        Map<String, String> tags = DkimSignatureHeader.tagList(txt);
        String version = tags.get("v");
        if (version != null && (!version.equals("DKIM1") || !tags.keySet().iterator().next().equals("v"))) {
            throw new DkimException("key record version is not DKIM1");
        }
        if (!tags.containsKey("p")) {
            throw new DkimException("key record lacks p=");
        }
        String services = tags.getOrDefault("s", "*");
        if (!List.of(services.replace(" ", "").split(":")).stream().anyMatch(s -> s.equals("*") || s.equals("email"))) {
            throw new DkimException("key is not for email");
        }
        List<String> flags = List.of(tags.getOrDefault("t", "").replace(" ", "").toLowerCase(Locale.ROOT).split(":"));
        List<String> hashes = tags.containsKey("h")
                ? List.of(tags.get("h").replace(" ", "").toLowerCase(Locale.ROOT).split(":")) : List.of();
        return new DkimKeyRecord(tags.getOrDefault("k", "rsa").toLowerCase(Locale.ROOT),
                DkimSignatureHeader.base64(tags.get("p")), hashes, flags.contains("y"), flags.contains("s"));
    }

    /** The public key for {@code algorithm} ({@code rsa-sha256}, {@code ed25519-sha256}). */
    public PublicKey publicKey(String algorithm) throws DkimException {
        if (key.length == 0) {
            throw new DkimException("key revoked");
        }
        String type = algorithm.substring(0, algorithm.indexOf('-'));
        if (!type.equals(keyType)) {
            throw new DkimException("key type " + keyType + " does not match " + algorithm);
        }
        if (!hashes.isEmpty() && !hashes.contains(algorithm.substring(algorithm.indexOf('-') + 1))) {
            throw new DkimException("key does not allow " + algorithm);
        }
        try {
            if (keyType.equals("ed25519")) {
                if (key.length != 32) {
                    throw new DkimException("an Ed25519 key has 32 octets");
                }
                byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
                System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
                System.arraycopy(key, 0, spki, ED25519_SPKI_PREFIX.length, 32);
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            }
            if (keyType.equals("rsa")) {
                PublicKey rsa = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key));
                if (((RSAPublicKey) rsa).getModulus().bitLength() < MIN_RSA_BITS) {
                    throw new DkimException("RSA key shorter than " + MIN_RSA_BITS + " bits");
                }
                return rsa;
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new DkimException("unusable " + keyType + " key");
        }
        throw new DkimException("unknown key type " + keyType);
    }
}
