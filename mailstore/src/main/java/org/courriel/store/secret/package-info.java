/**
 * Secrets of the whole installation, kept in the store so that every node uses the same ones and a restart
 * keeps them ({@link org.courriel.store.secret.ServerSecrets}). Each is generated on first use and never
 * rotated: whatever is derived from one must stay the same for good. Secrets that rotate have their own tables
 * (SRS: {@code org.courriel.store.srs}; DKIM keys, encrypted outside the database: {@code org.courriel.store.dkim}).
 */
package org.courriel.store.secret;
