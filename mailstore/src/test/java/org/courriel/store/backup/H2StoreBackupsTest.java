package org.courriel.store.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Backups of the embedded default, an H2 database in a file, which Courriel copies itself. */
class H2StoreBackupsTest extends StoreBackupsContract {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("db/courriel"));
    }

    @Test
    void copiesTheDatabaseFileIntoAZip() throws Exception {
        assertThat(backups.copiesOnline()).isTrue();
        Path zip = dir.resolve("it's here.zip");
        backups.copyTo(zip);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).containsExactly("courriel.mv.db");
    }
}
