/**
 * What ACME (RFC 8555) needs kept in the store so that every node shares it: the account key per CA directory,
 * the certificate the listeners serve (key, chain, expiry), the HTTP-01 key authorizations a CA may fetch from
 * any node, and the lease that lets one node at a time order. The ACME client itself lives in the REST module.
 */
package org.courriel.store.acme;
