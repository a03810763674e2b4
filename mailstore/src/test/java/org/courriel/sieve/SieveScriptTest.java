package org.courriel.sieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SieveScriptTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "keep;",
        "require [\"fileinto\", \"mailbox\"]; fileinto :create \"Lists/dev\";",
        "require \"imap4flags\"; if header :contains \"subject\" \"x\" { addflag \"\\\\Seen\"; keep :flags \"a b\"; }",
        "if anyof (not exists \"x\", size :over 10K) { discard; } elsif true { stop; } else { keep; }",
        "require [\"vacation\", \"vacation-seconds\"]; vacation :seconds 60 :subject \"Away\" text:\nGone.\n..dot\n.\n;",
        "require [\"envelope\", \"subaddress\", \"relational\", \"comparator-i;ascii-numeric\"];\n"
            + "if envelope :detail \"to\" \"lists\" { keep; }\n"
            + "if header :value \"gt\" :comparator \"i;ascii-numeric\" \"x-spam\" \"5\" { discard; }",
        "# comment\n/* block\ncomment */ redirect \"a@b.example\";",
    })
    void acceptsValidScripts(String script) throws SieveSyntaxException {
        assertThat(SieveScript.compile(script)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "keep|1|expected ';'",
        "fileinto \"x\";|1|missing require \"fileinto\"",
        "keep;\\nrequire \"fileinto\";|2|require must come before",
        "require \"foreverypart\";|1|unsupported extension",
        "\\n\\nif true { frobnicate; }|3|unknown command frobnicate",
        "if header :contains \"a\" \"b\" { keep; }\\nelse { keep; }\\nelse { keep; }|3|else without if",
        "keep;\\n\"unterminated|2|unterminated string",
        "if size :over { keep; }|1|expects a number",
        "if header :regex \"a\" \"b\" { keep; }|1|unknown tag :regex",
    })
    void refusesInvalidScriptsWithTheirLine(String script, int line, String message) {
        assertThatThrownBy(() -> SieveScript.compile(script.replace("\\n", "\n")))
                .isInstanceOfSatisfying(SieveSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @org.junit.jupiter.api.Test
    void boundsNesting() {
        String deep = "if true { ".repeat(100) + "keep;" + " }".repeat(100);
        assertThatThrownBy(() -> SieveScript.compile(deep)).isInstanceOf(SieveSyntaxException.class)
                .hasMessageContaining("nested deeper");
    }
}
