/**
 * How clients reach the store: the plumbing SMTP and IMAP share (TCP listeners with virtual threads and
 * connection limits, TLS from a Spring Boot SSL bundle, SASL PLAIN, login throttling).
 * <p>
 * It lives in the base module because the module set is fixed (mailstore, mta, imap-gateway, webmail-api,
 * deploy) and code shared by protocols must not be copied into each of them. Nothing here knows a
 * protocol's syntax: protocols bring a {@link org.courriel.access.net.ConnectionHandler}.
 */
package org.courriel.access;
