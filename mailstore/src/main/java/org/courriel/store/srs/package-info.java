/**
 * The secrets of the Sender Rewriting Scheme, kept in the store so that every node signs and checks rewritten
 * reverse-paths with the same keys ({@link org.courriel.store.srs.SrsSecrets}). The scheme itself (the address
 * format, the hash) is the MTA's ({@code org.courriel.mta.srs}).
 */
package org.courriel.store.srs;
