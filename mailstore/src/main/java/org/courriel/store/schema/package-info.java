/**
 * The store's schema as Flyway made it: which migrations this build ships ({@code db/migration}) and which the
 * database's schema history records, compared without reading or checksumming a script, so that a short-lived
 * process (an admin command run without a server) can learn cheaply whether the schema is already the one
 * it expects. The server itself always lets Flyway validate and migrate at start.
 */
package org.courriel.store.schema;
