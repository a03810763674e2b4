package org.courriel.store.backup;

import java.time.Instant;

/**
 * One backup taken of the store.
 *
 * @param takenAt       when the copy began
 * @param directory     where it was written
 * @param storeIncluded whether the store itself is in it (false: keys only, the store being PostgreSQL)
 */
public record BackupRecord(Instant takenAt, String directory, boolean storeIncluded) {
}
