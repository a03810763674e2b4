package org.courriel.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.courriel.store.message.Flags;
import org.courriel.store.message.SystemFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Maildir info flags, keyword letters, the dovecot-keywords file and Maildir++ folder names. */
class MaildirFlagsTest {

    private static final List<String> KEYWORDS = List.of("$Forwarded", "Work", "$Junk");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|2,",
            "\\Seen|2,S",
            "\\Deleted|2,T",
            "\\Seen \\Answered \\Flagged \\Deleted \\Draft|2,DFRST",
            "\\Seen Work|2,Sb",
            "\\Flagged $Forwarded $Junk|2,Fac"})
    void infoLettersInAsciiOrderThenKeywordLetters(String names, String info) {
        Flags flags = Flags.fromNames(names.isEmpty() ? List.of() : List.of(names.split(" ")));
        assertThat(MaildirFlags.info(flags, KEYWORDS)).isEqualTo(info);
        assertThat(MaildirFlags.parse("1764661501.M1V2.courriel:" + info, KEYWORDS)).isEqualTo(flags);
    }

    @Test
    void aFileInNewHasNoFlagsAndUnknownLettersAreIgnored() {
        assertThat(MaildirFlags.parse("1764661501.M1V2.host", KEYWORDS)).isEqualTo(Flags.NONE);
        assertThat(MaildirFlags.parse("1764661501.M1V2.host:2,PSz", KEYWORDS)).isEqualTo(Flags.of(SystemFlag.SEEN));
    }

    @Test
    void theKeywordFileNumbersKeywordsFromZero() {
        assertThat(MaildirFlags.keywordFile(KEYWORDS)).isEqualTo("0 $Forwarded\n1 Work\n2 $Junk\n");
        assertThat(MaildirFlags.parseKeywordFile("0 $Forwarded\n1 Work\n2 $Junk\n")).isEqualTo(KEYWORDS);
        assertThat(MaildirFlags.parseKeywordFile("garbage\n1 Work\nx y\n")).containsExactly(null, "Work");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INBOX|''",
            "Sent|.Sent",
            "Projects/2026/Q4|.Projects.2026.Q4",
            "v1.2 notes|.v1%2E2 notes",
            "100% done|.100%25 done",
            "Réunions|.Réunions"})
    void folderNamesMapBothWays(String mailbox, String directory) {
        assertThat(MaildirFolders.directory(mailbox)).isEqualTo(directory);
        if (!directory.isEmpty()) {
            assertThat(MaildirFolders.mailbox(directory)).isEqualTo(mailbox);
        }
    }

    @ParameterizedTest
    @CsvSource({"cur", "..", ".", ".a..b", "tmp"})
    void otherDirectoriesAreNoFolders(String directory) {
        assertThat(MaildirFolders.mailbox(directory)).isNull();
    }
}
