package org.courriel.deploy.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.store.mailbox.SpecialUse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FolderMappingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // name on the old server | delimiter | attributes | Courriel name | special use
            "INBOX                 | . | -                      | INBOX             | -",
            "inbox                 | / | -                      | INBOX             | -",
            "Work.Projects         | . | \\HasNoChildren        | Work/Projects     | -",
            "Work/Projects         | / | -                      | Work/Projects     | -",
            "a/b.c                 | . | -                      | a_b/c             | -",
            "Flat                  | - | -                      | Flat              | -",
            "Sent Messages         | . | \\HasNoChildren \\Sent | Sent Messages     | SENT",
            "Gesendet              | . | \\Sent                 | Gesendet          | SENT",
            "Papierkorb            | / | \\Trash                | Papierkorb        | TRASH",
            "Sent Items            | . | -                      | Sent Items        | SENT",
            "Spam                  | . | -                      | Spam              | JUNK",
            "Drafts                | . | -                      | Drafts            | DRAFTS",
            "Archive               | . | -                      | Archive           | ARCHIVE",
            "Deleted Items         | / | -                      | Deleted Items     | TRASH",
            "Clients.Sent          | . | -                      | Clients/Sent      | -",
            "All Mail              | / | \\All                  | All Mail          | -",
            "Important             | / | \\Flagged              | Important         | -"})
    void translatesTheHierarchyAndMapsSpecialUses(String name, String delimiter, String attributes, String target,
            SpecialUse use) {
        char d = delimiter == null ? 0 : delimiter.charAt(0);
        String[] attrs = attributes == null ? new String[0] : attributes.split(" ");
        assertThat(FolderMapping.map(name, d, attrs)).isEqualTo(new FolderMapping.Target(target, use));
    }
}
