package org.courriel.store.backup;

/**
 * What a backup's manifest says of the store it copied.
 *
 * @param schemaVersion the last migration applied (Flyway's {@code flyway_schema_history}), or null
 * @param messages      the number of messages in every mailbox
 */
public record StoreFacts(String schemaVersion, long messages) {
}
