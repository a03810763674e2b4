/**
 * Limits on what an authenticated sender may send, the defence against a stolen password
 * ({@link org.courriel.mta.limit.SendLimiter}); the counts are the store's
 * ({@link org.courriel.store.limit.SendCounters}), so every node enforces the same limit.
 */
package org.courriel.mta.limit;
