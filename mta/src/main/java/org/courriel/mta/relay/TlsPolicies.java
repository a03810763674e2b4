package org.courriel.mta.relay;

import java.util.List;

/**
 * The destination's own say on TLS (RFC 7672 DANE, RFC 8461 MTA-STS), asked by the {@link Router} once it
 * knows a domain's MX hosts and before any connection opens. It may tighten each target's TLS (a
 * {@link TlsPolicy}, a mandatory {@link TlsMode}) or leave out hosts a policy forbids; with none left the
 * route is {@link Route.Unavailable} and the queue defers (never delivers in clear text).
 */
public interface TlsPolicies {

    /** Leaves every target as configured. */
    TlsPolicies NONE = (domain, targets) -> new Route.Servers(targets);

    /** @param targets the MX targets of {@code domain}, in order */
    Route apply(String domain, List<RelayTarget> targets);
}
