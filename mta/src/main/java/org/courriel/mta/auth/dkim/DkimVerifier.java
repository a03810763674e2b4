package org.courriel.mta.auth.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.courriel.mta.auth.message.InboundMessage.Field;
import org.courriel.mta.auth.message.InboundMessage;
import org.courriel.mta.dns.DnsAnswer;
import org.courriel.mta.dns.DnsResolver;

/**
 * Verifies every DKIM-Signature of a received message (RFC 6376 §6), up to {@code maxSignatures} of them,
 * over the bytes as received: rsa-sha256 (keys of 1024 bits and more, RFC 8301) and ed25519-sha256
 * (RFC 8463). rsa-sha1 is refused (RFC 8301 §3.1). A key lookup that fails for now is a temperror.
 */
public final class DkimVerifier {

    private final DnsResolver dns;
    private final int maxSignatures;
    private final Clock clock;

    public DkimVerifier(DnsResolver dns, int maxSignatures, Clock clock) {
        this.dns = dns;
        this.maxSignatures = maxSignatures;
        this.clock = clock;
    }

    /** One verdict a signature, top to bottom; empty when the message has none (dkim=none). */
    public List<DkimVerdict> verify(InboundMessage message) {
        List<Field> signatures = message.fields("DKIM-Signature");
        List<DkimVerdict> verdicts = new ArrayList<>();
        Map<String, byte[]> bodyHashes = new HashMap<>(); // one per canonicalization and length
        for (Field field : signatures.subList(0, Math.min(maxSignatures, signatures.size()))) {
            DkimSignatureHeader signature;
            try {
                signature = DkimSignatureHeader.parse(field.raw().substring(field.raw().indexOf(':') + 1));
            } catch (DkimException e) {
                verdicts.add(new DkimVerdict(DkimResult.PERMERROR, null, null, null, null, null, e.getMessage()));
                continue;
            }
            verdicts.add(verify(message, field, signature, bodyHashes));
        }
        return verdicts;
    }

    /**
     * One signature whose tags are already parsed, as RFC 6376 §6.1 verifies it: also what ARC's
     * ARC-Message-Signature needs (RFC 8617 §5.2 step 4, "as DKIM does").
     */
    public DkimVerdict verify(InboundMessage message, Field field, DkimSignatureHeader signature) {
        return verify(message, field, signature, new HashMap<>());
    }

    /**
     * As the other, sharing {@code bodyHashes} (by canonicalization and length) with the caller's other verifications
     * of the same message, so that the body is hashed once per kind however many signatures ask (ARC's chain).
     */
    public DkimVerdict verifySharing(InboundMessage message, Field field, DkimSignatureHeader signature,
            Map<String, byte[]> bodyHashes) {
        return verify(message, field, signature, bodyHashes);
    }

    private DkimVerdict verify(InboundMessage message, Field field, DkimSignatureHeader s, Map<String, byte[]> bodies) {
        // RFC 6376 §6.1.1: what this verifier understands.
        if (!s.algorithm().equals("rsa-sha256") && !s.algorithm().equals("ed25519-sha256")) {
            return DkimVerdict.of(DkimResult.PERMERROR, s, "algorithm " + s.algorithm() + " not accepted");
        }
        if (s.expires() >= 0 && s.expires() < clock.instant().getEpochSecond()) {
            return DkimVerdict.of(DkimResult.FAIL, s, "signature expired");
        }
        KeyLookup found = publicKey(s.selector(), s.domain(), s.algorithm());
        if (found.key() == null) {
            return DkimVerdict.of(found.failure(), s, found.reason());
        }
        PublicKey key = found.key();
        DkimKeyRecord record = found.record();
        if (record.strict() && !s.identity().substring(s.identity().lastIndexOf('@') + 1).equalsIgnoreCase(s.domain())) {
            return DkimVerdict.of(DkimResult.PERMERROR, s, "the key requires i= in d= exactly");
        }
        // §3.7 body hash.
        boolean relaxedBody = s.bodyCanon().equals("relaxed");
        String bodyKey = s.bodyCanon() + "/" + s.bodyLength();
        byte[] bodyHash = bodies.get(bodyKey);
        if (bodyHash == null) {
            byte[] canonical = InboundCanonicalization.body(message.body(), relaxedBody);
            if (s.bodyLength() > canonical.length) {
                return DkimVerdict.of(DkimResult.PERMERROR, s, "l= is longer than the body");
            }
            int length = s.bodyLength() >= 0 ? (int) s.bodyLength() : canonical.length;
            bodyHash = sha256().digest(java.util.Arrays.copyOf(canonical, length));
            bodies.put(bodyKey, bodyHash);
        }
        if (!MessageDigest.isEqual(bodyHash, s.bodyHash())) {
            return DkimVerdict.of(DkimResult.FAIL, s, "body hash did not verify");
        }
        byte[] headerData = signedHeaders(message, field, s).getBytes(StandardCharsets.ISO_8859_1);
        if (!signatureVerifies(s.algorithm(), key, headerData, s.signature())) {
            return DkimVerdict.of(DkimResult.FAIL, s, "signature did not verify");
        }
        return DkimVerdict.of(DkimResult.PASS, s, record.testing() ? "testing key" : null);
    }

    /**
     * A public key found for a selector, or why none: {@code failure} TEMPERROR when the lookup failed for now
     * (RFC 6376 §6.1.2), PERMERROR when there is no usable key.
     */
    public record KeyLookup(PublicKey key, DkimKeyRecord record, DkimResult failure, String reason) {
    }

    /** The key of {@code selector._domainkey.domain} for {@code algorithm} (RFC 6376 §3.6.2.2). */
    public KeyLookup publicKey(String selector, String domain, String algorithm) {
        DnsAnswer<String> txt = dns.txt(selector + "._domainkey." + domain);
        if (txt.status() == DnsAnswer.Status.TEMPORARY_FAILURE) {
            return new KeyLookup(null, null, DkimResult.TEMPERROR, "key lookup failed: " + txt.error()); // §6.1.2
        }
        if (txt.records().isEmpty()) {
            return new KeyLookup(null, null, DkimResult.PERMERROR, "no key for selector " + selector);
        }
        try {
            DkimKeyRecord record = DkimKeyRecord.parse(txt.records().get(0));
            return new KeyLookup(record.publicKey(algorithm), record, null, null);
        } catch (DkimException e) {
            return new KeyLookup(null, null, DkimResult.PERMERROR, e.getMessage());
        }
    }

    /** rsa-sha256 over the data; ed25519-sha256 over its SHA-256 hash (RFC 8463 §3). */
    public static boolean signatureVerifies(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier;
            if (algorithm.equals("ed25519-sha256")) {
                verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(sha256().digest(data));
            } else {
                verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(key);
                verifier.update(data);
            }
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * RFC 6376 §5.4.2: each name of h= takes the last not yet used field of that name, a missing one adds
     * nothing; then the signature field itself without its b= value and without a final CRLF (§3.7).
     */
    private static String signedHeaders(InboundMessage message, Field signatureField, DkimSignatureHeader s) {
        boolean relaxed = s.headerCanon().equals("relaxed");
        Map<String, Integer> used = new HashMap<>();
        StringBuilder data = new StringBuilder();
        for (String name : s.signedHeaders()) {
            List<Field> fields = message.fields(name);
            int taken = used.merge(name, 1, Integer::sum);
            if (taken <= fields.size()) {
                data.append(InboundCanonicalization.header(fields.get(fields.size() - taken).raw(), relaxed));
            }
        }
        String self = InboundCanonicalization.header(InboundCanonicalization.withoutSignature(signatureField.raw()),
                relaxed);
        data.append(self, 0, self.length() - 2);
        return data.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
