package org.courriel.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What the command line sends to a running server, which does not share its working directory. */
class PathArgumentsTest {

    private static String[] forServer(String... args) {
        return PathArguments.forServer(AdminCommandLine.parse(args));
    }

    @Test
    void theDirectoryOfBackupAndRestoreIsMadeAbsolute() {
        String absolute = Path.of("backups/today").toAbsolutePath().toString();
        assertThat(forServer("--courriel.data-dir=/srv/data", "backup", "backups/today", "--json"))
                .containsExactly("--courriel.data-dir=/srv/data", "backup", absolute, "--json");
        assertThat(forServer("restore", "backups/./today")).containsExactly("restore", absolute);
        assertThat(forServer("backup", "/already/absolute")).containsExactly("backup", "/already/absolute");
    }

    @Test
    void theFilesOfExportAndImportAreMadeAbsoluteNotTheAddress() {
        String mail = Path.of("old/mail").toAbsolutePath().toString();
        assertThat(forServer("import", "--format", "mbox", "bob@example.org", "old/mail", "--dry-run"))
                .containsExactly("import", "--format", "mbox", "bob@example.org", mail, "--dry-run");
        assertThat(forServer("export", "bob@example.org", "old/./mail", "--format=maildir"))
                .containsExactly("export", "bob@example.org", mail, "--format=maildir");
        assertThat(forServer("export", "--all", "old/mail")).containsExactly("export", "--all", mail);
        assertThat(forServer("import", "bob@example.org")).containsExactly("import", "bob@example.org");
        assertThat(forServer("import", "imap://alice@old.example.org", "bob@example.org", "--dry-run"))
                .containsExactly("import", "imap://alice@old.example.org", "bob@example.org", "--dry-run");
        assertThat(forServer("import", "IMAPS://alice@old.example.org", "bob@example.org"))
                .containsExactly("import", "IMAPS://alice@old.example.org", "bob@example.org");
    }

    @Test
    void otherCommandsAndAMissingDirectoryAreSentAsGiven() {
        assertThat(forServer("domain", "add", "backup")).containsExactly("domain", "add", "backup");
        assertThat(forServer("backup")).containsExactly("backup");
    }

    @Test
    void thePasswordFileOfMigrateIsMadeAbsolute() {
        String absolute = Path.of("secrets/old").toAbsolutePath().toString();
        assertThat(forServer("migrate", "imap://a@old.example", "b@example.org", "--password-file", "secrets/old"))
                .containsExactly("migrate", "imap://a@old.example", "b@example.org", "--password-file", absolute);
        assertThat(forServer("migrate", "imap://a@old.example", "b@example.org", "--password-file=./secrets/old"))
                .containsExactly("migrate", "imap://a@old.example", "b@example.org", "--password-file=" + absolute);
        assertThat(forServer("import", "imap://a@old.example", "b@example.org", "--password-file", "secrets/old"))
                .containsExactly("import", "imap://a@old.example", "b@example.org", "--password-file", absolute);
    }
}
