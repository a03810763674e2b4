/**
 * Sieve scripts per account and vacation response state, in the store's tables (migration V50). Scripts
 * are checked by {@link org.courriel.sieve.SieveScript} before they are stored.
 */
package org.courriel.store.sieve;
