/**
 * The store's half of greylisting: when each (network, sender, recipient) triplet was first seen, and which
 * networks have passed ({@link org.courriel.store.greylist.Triplets}). The policy (delays, windows, who is
 * exempt) is the MTA's.
 */
package org.courriel.store.greylist;
