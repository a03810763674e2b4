package org.courriel.mta.auth.arc;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.courriel.mta.auth.dkim.DkimException;
import org.courriel.mta.auth.dkim.DkimResult;
import org.courriel.mta.auth.dkim.DkimSignatureHeader;
import org.courriel.mta.auth.dkim.DkimVerdict;
import org.courriel.mta.auth.dkim.DkimVerifier;
import org.courriel.mta.auth.dkim.InboundCanonicalization;
import org.courriel.mta.auth.message.InboundMessage.Field;
import org.courriel.mta.auth.message.InboundMessage;

/**
 * Validates a received message's ARC chain (RFC 8617 §5.2) with the DKIM verifier's key lookup,
 * canonicalization and signature check: the newest ARC-Message-Signature as a DKIM signature, the
 * oldest-pass instance, then every ARC-Seal from the newest down. Chains longer than {@code maxSets} fail
 * without any lookup, which bounds the DNS queries and signature checks one message costs.
 */
public final class ArcValidator {

    private final DkimVerifier dkim;
    private final int maxSets;

    public ArcValidator(DkimVerifier dkim, int maxSets) {
        this.dkim = dkim;
        this.maxSets = maxSets;
    }

    public ArcVerdict validate(InboundMessage message) {
        ArcChain chain = ArcChain.of(message);
        if (chain.failure() != null) {
            return ArcVerdict.fail(chain.instances(), chain.failure()); // §5.2 steps 2 and 3
        }
        int n = chain.instances();
        if (n == 0) {
            return ArcVerdict.NONE; // §5.2 step 1
        }
        if (n > maxSets) {
            return ArcVerdict.fail(n, n + " ARC sets, more than the " + maxSets + " accepted");
        }
        List<ArcSet> sets = chain.sets();
        // §5.2 step 4: the newest AMS, as DKIM verifies.
        Map<String, byte[]> bodyHashes = new HashMap<>(); // the body is hashed once, however many sets ask
        String newest = messageSignature(message, sets.get(n - 1), bodyHashes);
        if (newest != null) {
            return ArcVerdict.fail(n, "ARC-Message-Signature " + n + ": " + newest);
        }
        // §5.2 step 5: the oldest AMS that still validates, walking down until one does not; 0 when all do.
        int oldest = n;
        while (oldest > 1 && messageSignature(message, sets.get(oldest - 2), bodyHashes) == null) {
            oldest--;
        }
        int oldestPass = oldest == 1 ? 0 : oldest;
        // §5.2 step 6: every seal, newest first.
        for (int i = n; i >= 1; i--) {
            String why = seal(sets, i);
            if (why != null) {
                return ArcVerdict.fail(n, "ARC-Seal " + i + ": " + why);
            }
        }
        ArcSet vouching = sets.get(Math.max(oldestPass, 1) - 1);
        return new ArcVerdict(ArcResult.PASS, n, oldestPass, vouching.seal().domain(), null, // §5.2 step 7
                vouching.authenticationResults().value());
    }

    /** Null when the set's AMS verifies, else why not. */
    private String messageSignature(InboundMessage message, ArcSet set, Map<String, byte[]> bodyHashes) {
        Field field = set.messageSignature();
        DkimSignatureHeader signature;
        try {
            signature = ArcMessageSignature.parse(field.raw().substring(field.raw().indexOf(':') + 1));
        } catch (DkimException e) {
            return e.getMessage();
        }
        DkimVerdict verdict = dkim.verifySharing(message, field, signature, bodyHashes);
        return verdict.result() == DkimResult.PASS ? null : verdict.reason();
    }

    /** Null when ARC-Seal {@code i} verifies over the sets 1..i (RFC 8617 §5.1.1), else why not. */
    private String seal(List<ArcSet> sets, int i) {
        ArcSeal seal = sets.get(i - 1).seal();
        if (!seal.algorithm().equals("rsa-sha256")) { // RFC 8617 §4.1.3: the one algorithm of ARC
            return "algorithm " + seal.algorithm() + " not accepted";
        }
        DkimVerifier.KeyLookup key = dkim.publicKey(seal.selector(), seal.domain(), seal.algorithm());
        if (key.key() == null) {
            return key.reason();
        }
        ArcSet set = sets.get(i - 1);
        byte[] data = sealInput(sets.subList(0, i - 1), set.authenticationResults().raw(),
                set.messageSignature().raw(), InboundCanonicalization.withoutSignature(set.sealField().raw()))
                .getBytes(StandardCharsets.ISO_8859_1);
        return DkimVerifier.signatureVerifies(seal.algorithm(), key.key(), data, seal.signature()) ? null
                : "signature did not verify";
    }

    /**
     * RFC 8617 §5.1.1: the fields of the older sets in increasing instance order, AAR, AMS, AS each, then the
     * newest set's AAR and AMS, all relaxed; last its AS without the b= value and without the final CRLF.
     */
    static String sealInput(List<ArcSet> older, String aar, String ams, String sealWithoutSignature) {
        StringBuilder data = new StringBuilder();
        for (ArcSet set : older) {
            for (Field f : set.inSealOrder()) {
                data.append(InboundCanonicalization.header(f.raw(), true));
            }
        }
        data.append(InboundCanonicalization.header(aar, true)).append(InboundCanonicalization.header(ams, true));
        String canonical = InboundCanonicalization.header(sealWithoutSignature, true);
        data.append(canonical, 0, canonical.length() - 2);
        return data.toString();
    }
}
