/**
 * Outbound routing and the SMTP client.
 *
 * <h2>Layout</h2>
 * {@link org.courriel.mta.relay.Router} picks the servers of a domain (static route, smarthost, MX) with DNS
 * behind {@link org.courriel.mta.dns.DnsResolver} (dnsjava in production, a table in tests).
 * {@link org.courriel.mta.relay.SmtpClient} opens a {@link org.courriel.mta.relay.SmtpClientSession}; the session
 * carries messages one {@code MailTransaction} at a time. Pure parts, unit-tested without sockets:
 * {@link org.courriel.mta.relay.RemoteReplyReader}, {@link org.courriel.mta.relay.EhloExtensions},
 * {@link org.courriel.mta.relay.DotStuffingOutputStream}. Nothing here touches the database: outcomes go back
 * to the queue as {@link org.courriel.mta.relay.RecipientResult}s.
 *
 * <h2>RFC status</h2>
 * <ul>
 * <li>RFC 5321: §3.3 transactions, §3.2 EHLO with HELO fallback, §4.1.1.4 and §4.5.2 DATA and dot-stuffing,
 * §4.2 replies (2yz delivered, 4yz deferred, 5yz failed), §4.5.3.2 timeouts (all configurable),
 * §5.1 MX order with equal preferences shuffled and the implicit MX, §6.3 loop detection by Received count
 * (in the queue). Not done: source routes, the §4.5.3.1 limits beyond RCPT count and reply lines.</li>
 * <li>RFC 7505 null MX: fails at once with 556 5.1.10.</li>
 * <li>RFC 3207 STARTTLS, RFC 7435 opportunistic security (no certificate check, clear text when TLS is not
 * offered or its handshake fails); {@code REQUIRED}/{@code VERIFY}/{@code IMPLICIT} modes. DANE (RFC 7672) and
 * MTA-STS (RFC 8461) tighten them per MX host through {@link org.courriel.mta.relay.TlsPolicies}, implemented
 * in {@code org.courriel.mta.relay.tls} (which depends on this package, never the reverse).</li>
 * <li>RFC 2920 PIPELINING: MAIL, every RCPT and DATA in one flight. RFC 1870 SIZE: declared, and a message
 * over the server's limit fails. RFC 6152 8BITMIME: 8-bit content to a server without it fails (no
 * downgrade to 7 bit). RFC 6531 SMTPUTF8: required when the message or an address needs it.</li>
 * <li>RFC 3461 DSN: RET, ENVID, NOTIFY, ORCPT passed on to servers that announce DSN.</li>
 * <li>RFC 4954 AUTH with RFC 4616 PLAIN towards a smarthost, over TLS only. Not done: other mechanisms.</li>
 * <li>RFC 8689 REQUIRETLS: {@link org.courriel.mta.relay.RequireTls} decides (verified STARTTLS, REQUIRETLS
 * offered, parameter passed on, else deferred with 4.7.10/4.7.30); {@code TLS-Required: No}
 * ({@link org.courriel.mta.relay.TlsRequiredField}) relaxes required TLS. The MX validation of §4.2.1
 * step 1 is read from the target's {@link org.courriel.mta.relay.TlsPolicy} by
 * {@link org.courriel.mta.relay.MxAuthentication}: configured routes, DANE over a validated MX answer, MTA-STS
 * enforce; the queue skips any other MX for such a message.</li>
 * <li>Not done: CHUNKING/BINARYMIME (RFC 3030).</li>
 * </ul>
 */
package org.courriel.mta.relay;
