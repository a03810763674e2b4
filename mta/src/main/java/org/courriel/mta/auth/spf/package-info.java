/**
 * SPF (RFC 7208): {@link org.courriel.mta.auth.spf.SpfEvaluator} is check_host() over the node's
 * {@link org.courriel.mta.dns.DnsResolver}; the record parser and macro expansion are pure.
 *
 * <h2>RFC status</h2>
 * §2.3 HELO and §2.4 MAIL FROM identities (null sender: postmaster@HELO); §4.3 domain checks; §4.5 record
 * selection; §4.6 evaluation with a permerror on any syntax error; §4.6.4 limits: 10 DNS-querying terms,
 * 2 void lookups, 10 names per MX or PTR answer, and an overall time limit; §5 every mechanism with dual CIDR;
 * §6.1 redirect; §7 macros (the {@code p} letter validated as §5.5 says). Not done: {@code exp=} (Courriel does
 * not reject on SPF alone, so has no explanation to give).
 */
package org.courriel.mta.auth.spf;
