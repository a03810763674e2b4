package org.courriel.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.courriel.store.message.Flags;
import org.courriel.store.message.SystemFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** mboxrd entries: the From line, quoting, flag headers, and reading each back. */
class MboxrdFormatTest {

    private static final Instant DATE = Instant.parse("2026-12-02T07:45:01Z");

    private static String entry(String message, Flags flags) {
        return new String(MboxrdFormat.entry(message.getBytes(StandardCharsets.ISO_8859_1), flags, DATE),
                StandardCharsets.ISO_8859_1);
    }

    /** As MboxIterator hands an entry with {@link MboxrdFormat#MESSAGE_START}: without the leading "From ". */
    private static MboxrdFormat.MboxMessage readBack(String entry) {
        assertThat(entry).startsWith("From ");
        return MboxrdFormat.read(entry.substring(5));
    }

    @Test
    void writesTheInternalDateAndFlagsAtTheTop() {
        Flags flags = new Flags(SystemFlag.SEEN.bit() | SystemFlag.ANSWERED.bit() | SystemFlag.FLAGGED.bit(),
                Set.of("$Forwarded", "Work"));
        assertThat(entry("Subject: hi\n\nbody\n", flags)).isEqualTo("""
                From MAILER-DAEMON Wed Dec  2 07:45:01 2026
                Status: RO
                X-Status: AF
                X-Keywords: $Forwarded Work
                Subject: hi

                body

                """);
        assertThat(entry("Subject: hi\r\n\r\nbody\r\n", Flags.NONE))
                .as("the added fields end their lines as the message does")
                .isEqualTo("From MAILER-DAEMON Wed Dec  2 07:45:01 2026\nStatus: O\r\nSubject: hi\r\n\r\nbody\r\n\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "From me|>From me",
            ">From me|>>From me",
            ">>From me|>>>From me",
            "From: me|From: me",
            "Fromage|Fromage",
            "' From me'|' From me'"})
    void quotesFromLinesTheMboxrdWay(String line, String quoted) {
        String entry = entry("Subject: q\n\n" + line + "\n", Flags.NONE);
        assertThat(entry).endsWith("\n\n" + quoted + "\n\n");
        assertThat(new String(readBack(entry).bytes(), StandardCharsets.ISO_8859_1)).isEqualTo("Subject: q\n\n" + line + "\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Subject: a\n\nbody\n",
            "Subject: a\r\n\r\nbody\r\n",
            "Subject: a\n\nno final line end",
            "Subject: a\n\nends with blank lines\n\n\n",
            "Subject: a\n\n\u00e9\u0085 8-bit bytes\n",
            "Subject: a\n\tfolded\nX-Other: b\n\nFrom the body\n"})
    void everyMessageComesBackByteForByteWithItsFlags(String message) {
        Flags flags = new Flags(SystemFlag.DRAFT.bit() | SystemFlag.DELETED.bit(), Set.of("$Junk"));
        MboxrdFormat.MboxMessage back = readBack(entry(message.replace("\\n", "\n"), flags));
        assertThat(new String(back.bytes(), StandardCharsets.ISO_8859_1)).isEqualTo(message.replace("\\n", "\n"));
        assertThat(back.flags()).isEqualTo(flags);
        assertThat(back.internalDate()).isEqualTo(DATE);
    }

    @Test
    void readsFlagsWhereverMuttPutsThemAndRemovesThem() {
        MboxrdFormat.MboxMessage m = MboxrdFormat.read("""
                alice@example.org Wed Dec  2 07:45:01 2026
                Subject: First
                Status: RO
                X-Status: T
                X-Keywords: one,two
                Content-Length: 5

                Hello
                """);
        assertThat(new String(m.bytes(), StandardCharsets.US_ASCII)).isEqualTo("Subject: First\nContent-Length: 5\n\nHello");
        assertThat(m.flags()).isEqualTo(new Flags(SystemFlag.SEEN.bit() | SystemFlag.DRAFT.bit(), Set.of("one", "two")));
        assertThat(m.internalDate()).isEqualTo(DATE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MAILER-DAEMON Wed Dec  2 07:45:01 2026|2026-12-02T07:45:01Z",
            "user@domain  Fri Feb 22 17:06:23 2008|2008-02-22T17:06:23Z",
            "user@domain Thu Jan 11 09:05:00 2024|2024-01-11T09:05:00Z"})
    void readsTheAsctimeDateOfTheFromLine(String line, String date) {
        assertThat(MboxrdFormat.date(line)).isEqualTo(Instant.parse(date));
    }

    @Test
    void aFromLineWithoutADateHasNone() {
        assertThat(MboxrdFormat.date("someone")).isNull();
        assertThat(MboxrdFormat.date("someone sometime in the year 2026 or so")).isNull();
    }
}
