/**
 * The destination's say on outbound TLS: DANE (RFC 7672, TLSA records validated with DNSSEC) and MTA-STS
 * (RFC 8461, a policy fetched over HTTPS), applied by the relay's {@code Router} to MX hosts before any
 * connection (never to static routes or the smarthost, which the operator configures).
 *
 * <h2>Layout</h2>
 * Pure parts with table tests: {@link org.courriel.mta.relay.tls.MtaStsRecord} (the TXT record),
 * {@link org.courriel.mta.relay.tls.MtaStsPolicyParser} and {@link org.courriel.mta.relay.tls.MtaStsPolicy}
 * (the policy file and MX patterns), {@link org.courriel.mta.relay.tls.Tlsa} and
 * {@link org.courriel.mta.relay.tls.DaneVerifier} (certificate matching). I/O:
 * {@link org.courriel.mta.relay.tls.MtaStsFetcher} (HTTPS), {@link org.courriel.mta.relay.tls.MtaStsPolicies}
 * (TXT lookup and the per-node cache), {@link org.courriel.mta.relay.tls.DestinationTlsPolicies} (the
 * decision). This package depends on {@code relay} and {@code dns}; {@code relay} never on it.
 *
 * <h2>Invariants</h2>
 * A policy that requires TLS turns into a mandatory {@code TlsMode}: the client defers (4.7.x) rather than
 * send in clear text. Each target's {@code TlsPolicy} also says whether its MX name is authenticated (RFC 8689
 * §4.2.1 step 1, for REQUIRETLS): an {@code enforce} policy that lists it, or secure TLSA records behind a
 * DNSSEC-validated MX answer (asked once per domain and attempt, only when a host has secure TLSA records);
 * never a {@code testing} policy. MTA-STS policies are cached per node in memory (fetched state, fetched again by any
 * node); nothing here touches the database.
 */
package org.courriel.mta.relay.tls;
