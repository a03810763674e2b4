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

    static DkimVerdict of(DkimResult result, DkimSignatureHeader s, String reason) {
        return new DkimVerdict(result, s.domain(), s.selector(), s.algorithm(), s.identity(),
                s.rawSignatureValue().replaceAll("[ \t\r\n]", "").substring(0,
                        Math.min(12, s.rawSignatureValue().replaceAll("[ \t\r\n]", "").length())), reason);
    }
}
