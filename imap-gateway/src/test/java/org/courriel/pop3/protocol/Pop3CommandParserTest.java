package org.courriel.pop3.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pop3CommandParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            STAT                      | STAT | ''
            stat                      | STAT | ''
            LIST 2                    | LIST | 2
            top 1 10                  | TOP  | 1,10
            USER mrose                | USER | mrose
            PASS tan ya  ho           | PASS | tan,ya,ho
            AUTH PLAIN AGJvYgBzZWNyZXQ= | AUTH | PLAIN,AGJvYgBzZWNyZXQ=
            'RETR 1 '                 | RETR | 1
            """)
    void splitsKeywordAndArguments(String line, String keyword, String arguments) {
        Pop3Request request = Pop3CommandParser.parse(line.getBytes(StandardCharsets.UTF_8));
        assertThat(request.keyword()).isEqualTo(keyword);
        assertThat(request.arguments()).isEqualTo(arguments.isEmpty() ? List.of() : List.of(arguments.split(",")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PASS my secret  pass | my secret  pass
            PASS                 | ''
            PASS pässwörd        | pässwörd
            """)
    void keepsTheRestVerbatimForPasswords(String line, String rest) {
        assertThat(Pop3CommandParser.parse(line.getBytes(StandardCharsets.UTF_8)).rest()).isEqualTo(rest);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''            | Empty command
            ' STAT'       | Empty command
            ST            | Not a POP3 command
            STATUS        | Not a POP3 command
            'X-1 a'       | Not a POP3 command
            LIS1          | Not a POP3 command
            """)
    void refusesWhatIsNoCommand(String line, String message) {
        assertThatThrownBy(() -> Pop3CommandParser.parse(line.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Pop3SyntaxException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{index}")
    @CsvSource({"'USER a\u0000b'", "'PASS \u001b[2J'", "'NOOP\t'"})
    void refusesControlCharacters(String line) {
        assertThatThrownBy(() -> Pop3CommandParser.parse(line.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Pop3SyntaxException.class).hasMessage("Control character in command line");
    }

    @org.junit.jupiter.api.Test
    void refusesBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> Pop3CommandParser.parse(new byte[] {'P', 'A', 'S', 'S', ' ', (byte) 0xff}))
                .isInstanceOf(Pop3SyntaxException.class).hasMessage("Command line is not UTF-8");
    }
}
