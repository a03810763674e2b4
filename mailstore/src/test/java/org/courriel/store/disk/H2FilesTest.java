package org.courriel.store.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class H2FilesTest {

    @Test
    void fileDatabasesLiveInTheDirectoryOfTheirPath() {
        assertThat(H2Files.directoryOf("jdbc:h2:file:/var/lib/courriel/courriel;AUTO_SERVER=TRUE"))
                .isEqualTo(Path.of("/var/lib/courriel"));
        assertThat(H2Files.directoryOf("jdbc:h2:/srv/mail/store")).isEqualTo(Path.of("/srv/mail"));
        assertThat(H2Files.directoryOf("jdbc:h2:~/courriel")).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(H2Files.directoryOf("jdbc:h2:./data/courriel"))
                .isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void theFileIsThePathWithH2sSuffix() {
        assertThat(H2Files.fileOf("jdbc:h2:file:/var/lib/courriel/courriel;AUTO_SERVER=TRUE;COMPRESS=TRUE"))
                .isEqualTo(Path.of("/var/lib/courriel/courriel.mv.db"));
        assertThat(H2Files.fileOf("jdbc:h2:./data/courriel")).isEqualTo(Path.of("data/courriel.mv.db").toAbsolutePath());
        assertThat(H2Files.fileOf("jdbc:h2:mem:test")).isNull();
        assertThat(H2Files.fileOf("jdbc:postgresql://db.example.org/courriel")).isNull();
    }

    @Test
    void otherDatabasesHaveNoLocalDirectory() {
        assertThat(H2Files.directoryOf("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isNull();
        assertThat(H2Files.directoryOf("jdbc:h2:tcp://localhost/~/test")).isNull();
        assertThat(H2Files.directoryOf("jdbc:postgresql://db.example.org/courriel")).isNull();
        assertThat(H2Files.directoryOf(null)).isNull();
    }
}
