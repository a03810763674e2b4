package org.courriel.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    static Stream<Arguments> astrings() {
        return Stream.of(
                Arguments.of("bob", "bob"),
                Arguments.of("\"two words\"", "two words"),
                Arguments.of("\"q\\\"uote\\\\\"", "q\"uote\\"),
                Arguments.of("\"\"", ""),
                Arguments.of("{5}\r\nhello", "hello"),
                Arguments.of("{5+}\r\nhe\r\nl", "he\r\nl"),
                Arguments.of("\"caf\u00e9\"", "caf\u00e9"),
                Arguments.of("INBOX]", "INBOX]"));
    }

    @ParameterizedTest
    @MethodSource("astrings")
    void astringForms(String input, String expected) {
        CommandParser p = CommandParser.of(input);
        assertThat(p.astring()).isEqualTo(expected);
        assertThat(p.atEnd()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unterminated", "\"bad \\n escape\"", "{9}\r\nshort", "{x}\r\n", "(", ""})
    void malformedStringsAreSyntaxErrors(String input) {
        assertThatThrownBy(() -> CommandParser.of(input).astring()).isInstanceOf(ImapSyntaxException.class);
    }

    @Test
    void flagListsAcceptSystemFlagsAndKeywords() {
        assertThat(CommandParser.of("(\\Seen $Forwarded \\Deleted)").flagList())
                .containsExactly("\\Seen", "$Forwarded", "\\Deleted");
        assertThat(CommandParser.of("()").flagList()).isEmpty();
        assertThat(CommandParser.of("\\Seen \\Flagged").flags()).containsExactly("\\Seen", "\\Flagged");
    }

    @Test
    void numbersAreBounded() {
        assertThat(CommandParser.of("4294967295").number()).isEqualTo(4294967295L);
        assertThatThrownBy(() -> CommandParser.of("4294967296").number()).isInstanceOf(ImapSyntaxException.class);
        assertThatThrownBy(() -> CommandParser.of("x").number()).isInstanceOf(ImapSyntaxException.class);
    }

    @Test
    void sequenceSetsKeepStarAndOrderRanges() {
        assertThat(SequenceSet.parse("1,3:5,9:*").ranges()).containsExactly(new SequenceSet.Range(1, 1),
                new SequenceSet.Range(3, 5), new SequenceSet.Range(9, SequenceSet.STAR));
        assertThat(SequenceSet.parse("7:2").ranges()).containsExactly(new SequenceSet.Range(2, 7));
        for (String bad : List.of("0", "1,,2", "a", "1:", "99999999999")) {
            assertThatThrownBy(() -> SequenceSet.parse(bad)).as(bad).isInstanceOf(ImapSyntaxException.class);
        }
    }

    @Test
    void trailingArgumentsAreRefused() {
        CommandParser p = CommandParser.of("NOOP extra");
        p.atom();
        assertThatThrownBy(p::end).isInstanceOf(ImapSyntaxException.class);
    }

    @Test
    void modifiedUtf7RoundTripsRfc3501Example() {
        // RFC 3501 §5.1.3 example
        assertThat(ModifiedUtf7.encode("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e"))
                .isEqualTo("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assertThat(ModifiedUtf7.decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-"))
                .isEqualTo("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e");
        assertThat(ModifiedUtf7.encode("R&D")).isEqualTo("R&-D");
        assertThat(ModifiedUtf7.decode("R&-D")).isEqualTo("R&D");
        assertThat(ModifiedUtf7.decode("Entw&APw-rfe")).isEqualTo("Entw\u00fcrfe");
        assertThatThrownBy(() -> ModifiedUtf7.decode("bad&U,BT")).isInstanceOf(ImapSyntaxException.class);
    }

    @Test
    void appendDateTimesParseWithPaddedDays() {
        assertThat(DateTimes.dateTime(" 7-Feb-1994 21:52:25 -0800")).hasToString("1994-02-08T05:52:25Z");
        assertThat(DateTimes.dateTime("17-jul-1996 02:44:25 -0700")).hasToString("1996-07-17T09:44:25Z");
        assertThat(ImapResponses.dateTime(java.time.Instant.parse("1994-02-08T05:52:25Z"))).isEqualTo(" 8-Feb-1994 05:52:25 +0000");
        assertThatThrownBy(() -> DateTimes.dateTime("yesterday")).isInstanceOf(ImapSyntaxException.class);
    }
}
