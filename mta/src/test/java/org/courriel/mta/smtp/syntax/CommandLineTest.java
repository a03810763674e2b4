package org.courriel.mta.smtp.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HELO crepes.fr             | HELO | crepes.fr",
            "mail FROM: <a@b.example>   | MAIL | FROM: <a@b.example>",
            "QUIT                       | QUIT | ''",
            "'  noop  '                 | NOOP | ''",
            "BDAT 100 LAST              | BDAT | 100 LAST"})
    void splitsVerbAndArguments(String line, String verb, String arguments) {
        CommandLine parsed = CommandLine.parse(line);
        assertThat(parsed.verb()).isEqualTo(verb);
        assertThat(parsed.arguments()).isEqualTo(arguments);
    }
}
