/**
 * Backups of the store: an online copy of an embedded H2 database ({@code BACKUP TO}, which copies a
 * consistent state while sessions keep writing), the facts a backup's manifest records (schema version,
 * message count), and the record of each backup taken, kept in the store so that every node sees the last.
 * A PostgreSQL store is not copied here: its own tools ({@code pg_dump}, a base backup) do that better.
 */
package org.courriel.store.backup;
