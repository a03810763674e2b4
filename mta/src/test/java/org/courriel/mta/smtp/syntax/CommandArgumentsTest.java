package org.courriel.mta.smtp.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small parsers: HELO/EHLO's domain, AUTH's mechanism and initial response, BDAT's chunk size, no arguments. */
class CommandArgumentsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            crepes.fr                 | crepes.fr
            '  [192.0.2.1]  '         | [192.0.2.1]
            client.example and more   | client.example
            """)
    void heloTakesTheFirstWord(String arguments, String name) throws SmtpSyntaxException {
        assertThat(HeloArgument.parse("EHLO", arguments)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void heloWithoutADomainIsASyntaxError(String arguments) {
        assertThatThrownBy(() -> HeloArgument.parse("HELO", arguments))
                .isInstanceOfSatisfying(SmtpSyntaxException.class, e -> assertThat(wire(e))
                        .isEqualTo("501 5.5.4 HELO needs the client's domain\r\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            PLAIN                  | PLAIN | null
            plain AGZvbwBiYXI=     | PLAIN | AGZvbwBiYXI=
            LOGIN =                | LOGIN | ''
            login   Zm9v           | LOGIN | Zm9v
            ''                     | ''    | null
            """)
    void authSplitsTheMechanismFromTheInitialResponse(String arguments, String mechanism, String initial) {
        assertThat(AuthArguments.parse(arguments)).isEqualTo(new AuthRequest(mechanism, initial));
    }

    @ParameterizedTest
    @CsvSource({"0,0,false", "1000,1000,false", "'12 LAST',12,true", "'12   last',12,true", "999999999999999999,999999999999999999,false"})
    void bdatReadsTheChunkSize(String arguments, long size, boolean last) throws SmtpSyntaxException {
        assertThat(BdatArguments.parse(arguments)).isEqualTo(new BdatRequest(size, last));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "LAST", "-1", "1e3", "12 FIRST", "1000000000000000000", "12LAST"})
    void aBdatWithoutASizeClosesTheSession(String arguments) {
        assertThatThrownBy(() -> BdatArguments.parse(arguments))
                .isInstanceOfSatisfying(SmtpSyntaxException.class, e -> {
                    assertThat(wire(e)).isEqualTo("501 5.5.4 BDAT needs a size and optionally LAST; closing\r\n");
                    assertThat(e.closesSession()).isTrue();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATA", "RSET", "STARTTLS"})
    void noArgumentsMeansNone(String verb) throws SmtpSyntaxException {
        NoArguments.require(verb, "");
        assertThatThrownBy(() -> NoArguments.require(verb, "now"))
                .isInstanceOfSatisfying(SmtpSyntaxException.class,
                        e -> assertThat(wire(e)).isEqualTo("501 5.5.4 " + verb + " takes no argument\r\n"));
    }

    private static String wire(SmtpSyntaxException e) {
        return new String(e.toReply().encode(), StandardCharsets.UTF_8);
    }
}
