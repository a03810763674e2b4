package org.courriel.mta.relay;

/**
 * Whether the name a next hop is known by is itself trustworthy: RFC 8689 §4.2.1 step 1 asks that the MX
 * lookup be DNSSEC-validated or the MX host be allowed by an MTA-STS policy (RFC 8461 §4.1) before a REQUIRETLS
 * message goes to it; a route or smarthost the operator configured is trusted by configuration.
 * <p>
 * The evidence is gathered before any connection by the destination's {@link TlsPolicies} (DANE and MTA-STS in
 * {@code org.courriel.mta.relay.tls}) and carried by the target's {@link TlsPolicy#mxAuthenticated()}; the
 * {@link Router} marks a plain MX answer {@link TlsPolicy#MX_LOOKUP}, not authenticated.
 */
@FunctionalInterface
public interface MxAuthentication {

    /** What the target's TLS policy found: configured, DANE over a validated MX, or MTA-STS enforce. */
    MxAuthentication BY_TLS_POLICY = target -> target.policy().mxAuthenticated();

    boolean authenticated(RelayTarget target);
}
