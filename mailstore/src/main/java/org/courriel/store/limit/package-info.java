/**
 * Limits on what one account or one domain may send per hour, counted in the store so that every node of a
 * cluster enforces the same limit ({@link org.courriel.store.limit.SendCounters}).
 */
package org.courriel.store.limit;
