/**
 * How clients reach the store: the plumbing SMTP and IMAP share (TCP listeners with virtual threads and
 * connection limits, TLS from a Spring Boot SSL bundle, SASL PLAIN, login throttling).
 * <p>
 * It lives in the base module because the module set is fixed (mailstore, mta, imap-gateway, webmail-api,
 * deploy) and code shared by protocols must not be copied into each of them. Nothing here knows a
 * protocol's syntax: protocols bring a {@link org.courriel.access.net.ConnectionHandler}.
 * <p>
 * Invariants of {@code net}: every read has an idle timeout, and a total deadline where the protocol sets
 * one; every write to a client has the write timeout, enforced by one watchdog thread per listener that
 * closes the TCP socket (the only way to end a blocked write in Java). No thread that stops a listener
 * ever waits on a client: {@code TcpServer.close()} waits at most the shutdown grace, then closes.
 */
package org.courriel.access;
