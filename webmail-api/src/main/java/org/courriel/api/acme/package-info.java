/**
 * Automatic certificates with ACME (RFC 8555, through acme4j): the node holding the store's lease orders a
 * certificate for the host name and the {@code mta-sts.}/{@code autoconfig.} names of the hosted domains,
 * answers HTTP-01 (RFC 8555 §8.3) on {@code /.well-known/acme-challenge/} from the store (so any node can answer
 * the CA), keeps key and chain in the store, and installs it by updating the SSL bundle, which SMTP, IMAP,
 * POP3 and (when it uses the bundle) HTTP follow without a restart. Every node installs what the store holds at
 * each check. Off unless {@code courriel.acme.enabled}.
 */
package org.courriel.api.acme;
