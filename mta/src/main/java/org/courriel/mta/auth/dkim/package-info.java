/**
 * DKIM (RFC 6376). Verification: {@link org.courriel.mta.auth.dkim.DkimVerifier} with its pure parts,
 * {@link org.courriel.mta.auth.dkim.DkimSignatureHeader}, {@link org.courriel.mta.auth.dkim.DkimKeyRecord} and
 * the canonicalizations; keys come from the node's {@link org.courriel.mta.dns.DnsResolver}.
 *
 * <h2>RFC status (verification)</h2>
 * RFC 6376 §3.2 tag lists, §3.4 simple and relaxed canonicalization (erratum 1384 for the empty body), §3.5
 * every tag (z= ignored, q= assumed dns/txt), §3.6.1 key records (v, k, h, s, t=y and t=s, revoked keys),
 * §3.7 hashes on the bytes as received, §5.4.2 several fields of one name, bottom up, §6.1 every signature
 * (up to a configured number), From required in h=, i= within d=, x= expiry. RFC 8463 ed25519-sha256.
 * RFC 8301: rsa-sha1 refused, RSA keys under 1024 bits refused. ARC (RFC 8617) lives in {@code auth.arc}, which
 * uses {@code DkimVerifier.publicKey}, {@code signatureVerifies} and {@code DkimSigner.signatureField}.
 */
package org.courriel.mta.auth.dkim;
