package org.courriel.store.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import courriel.test.StoreTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Backup facts and records against every database Courriel supports (one subclass each). */
@SpringBootTest(classes = StoreTestApplication.class)
abstract class StoreBackupsContract {

    @Autowired
    StoreBackups backups;

    @Test
    void theLastBackupRecordedIsTheOneShown() {
        backups.record(Instant.parse("2026-12-01T10:00:00Z"), "/backups/one", true);
        backups.record(Instant.parse("2026-12-02T10:00:00Z"), "/backups/two", false);
        backups.record(Instant.parse("2026-11-30T10:00:00Z"), "/backups/older", true);
        assertThat(backups.last()).contains(new BackupRecord(Instant.parse("2026-12-02T10:00:00Z"), "/backups/two", false));
    }

    @Test
    void factsNameTheLastMigrationAndCountMessages() {
        StoreFacts facts = backups.facts();
        assertThat(facts.schemaVersion()).as("the V80 migration of this change at least").matches("\\d+(\\.\\d+)*");
        assertThat(Integer.parseInt(facts.schemaVersion().split("\\.")[0])).isGreaterThanOrEqualTo(56);
        assertThat(facts.messages()).isNotNegative();
    }
}
