package org.courriel.mta.auth.spf;

/**
 * The outcome of one SPF check: the result, the identity checked and why (for logs and the header comment).
 *
 * @param identity the domain whose record was checked (of MAIL FROM, or the HELO name)
 */
public record SpfVerdict(SpfResult result, String identity, String reason) {
}
