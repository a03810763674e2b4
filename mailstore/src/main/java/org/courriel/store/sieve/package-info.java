/**
 * Sieve scripts per account, vacation response state (migration V50) and the identifiers the duplicate test
 * has seen (V79), in the store's tables so that every node sees them. Scripts are checked by
 * {@link org.courriel.sieve.SieveScript} before they are stored.
 */
package org.courriel.store.sieve;
