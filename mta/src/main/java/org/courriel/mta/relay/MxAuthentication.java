package org.courriel.mta.relay;

/**
 * Whether the name a next hop is known by is itself trustworthy: RFC 8689 §4.2.1 step 1 asks that the MX
 * lookup be DNSSEC-validated or the MX host be allowed by an MTA-STS policy (RFC 8461 §4.1) before a REQUIRETLS
 * message goes to it; a route or smarthost the operator configured is trusted by configuration.
 * <p>
 * The MTA-STS and DANE work feeds this predicate. Until then {@link #NOT_CHECKED} takes every next hop as
 * authenticated, so a REQUIRETLS message is protected by the certificate check against the MX name alone,
 * not against a forged MX answer (docs/mail-authentication.md, "REQUIRETLS").
 */
@FunctionalInterface
public interface MxAuthentication {

    /** No DNSSEC or MTA-STS evidence is looked at: every target passes. */
    MxAuthentication NOT_CHECKED = target -> true;

    boolean authenticated(RelayTarget target);
}
