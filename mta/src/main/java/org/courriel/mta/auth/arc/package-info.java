/**
 * ARC, the Authenticated Received Chain (RFC 8617). {@link org.courriel.mta.auth.arc.ArcChain} groups a
 * received message's ARC header fields into sets and checks their structure (pure);
 * {@link org.courriel.mta.auth.arc.ArcValidator} verifies the newest ARC-Message-Signature and every ARC-Seal
 * with the DKIM verifier's key lookup, canonicalization and crypto (no copy of them here), giving
 * {@link org.courriel.mta.auth.arc.ArcVerdict}. {@link org.courriel.mta.auth.arc.ArcSealer} adds a set to mail
 * this server passes on (pure: bytes and a key in, header text out); {@link
 * org.courriel.mta.auth.arc.ArcForwardSealing} applies it to MX mail an alias forwards outside, as the
 * delivery's {@code ForwardSealing}. {@link org.courriel.mta.auth.arc.ArcPolicyOverride} is the DMARC override
 * for trusted sealers that {@code InboundAuthenticator} applies.
 * <p>
 * Depends on {@code auth}, {@code auth.dkim}, {@code auth.dmarc} and {@code delivery} (the interface it
 * implements); none of them depends on this package but {@code auth}'s authenticator and configuration.
 *
 * <h2>RFC status</h2>
 * §4.1 the three fields and their tags; §4.2.1 instances 1..50; §5.1 sealing (AAR, AMS and AS with relaxed
 * header canonicalization, §5.1.1 the AS over every set in increasing instance order); §5.2 validation steps
 * 1-7 (newest AS cv=fail, structure, newest AMS, oldest-pass, every AS); §7.2 {@code header.oldest-pass} and
 * {@code smtp.remote-ip} in Authentication-Results. RFC 7489 §6.7 / RFC 8617 §7.2.1 local policy override of
 * DMARC for trusted sealers. Not done: sealing of Sieve redirects, seals with cv=fail (a chain that failed
 * here is not extended), ARC data in DMARC reports (none are sent).
 */
package org.courriel.mta.auth.arc;
