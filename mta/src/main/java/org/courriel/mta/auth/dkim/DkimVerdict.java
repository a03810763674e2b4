package org.courriel.mta.auth.dkim;

/**
 * The outcome of one DKIM-Signature.
 *
 * @param domain    {@code d=}, null when the signature could not be parsed
 * @param selector  {@code s=}
 * @param signature the first characters of {@code b=} for {@code header.b} (RFC 6008), or null
 */
public record DkimVerdict(DkimResult result, String domain, String selector, String algorithm, String identity,
        String signature, String reason) {

    /** RFC 6008 §4: a prefix of b= long enough to tell the signatures of one message apart. */
    private static final int SIGNATURE_PREFIX = 12;

    static DkimVerdict of(DkimResult result, DkimSignatureHeader s, String reason) {
        String b = s.rawSignatureValue().replaceAll("[ \t\r\n]", "");
        return new DkimVerdict(result, s.domain(), s.selector(), s.algorithm(), s.identity(),
                b.substring(0, Math.min(SIGNATURE_PREFIX, b.length())), reason);
    }
}
