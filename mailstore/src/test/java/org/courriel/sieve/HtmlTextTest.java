package org.courriel.sieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTML parts as the text {@code body :text} matches (RFC 5173 §5.2). */
class HtmlTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "<p>Hello</p><p>world</p>                        | Hello world",
            "a<b>bold</b>c                                   | aboldc",
            "one<br>two<BR/>three                            | one two three",
            "x<!-- hidden -->y                               | x y",
            "<SCRIPT type=x>alert(1)</script >after          | after",
            "<style>p {}</style><div>styled</div>            | styled",
            "`a   \t\n  b`                                   | a b",
            "&lt;tag&gt; &amp; &quot;q&quot; &#39;s&#39;    | `<tag> & \"q\" 's'`",
            "fish&nbsp;chips                                 | fish chips",
            "a < b and c                                     | a < b and c",
            "before<!-- never closed                         | before",
            "before<script>never closed                      | before",
            "</td>cell                                       | cell",
    })
    void convertsHtmlToText(String html, String text) {
        assertThat(HtmlText.of(html)).isEqualTo(text);
    }

    /** A sender's 1 MiB of unterminated openers is read once, not once per opener (it took hours before). */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void unterminatedOpenersCostOnePass() {
        assertThat(HtmlText.of("x" + "<!--".repeat(250_000))).isEqualTo("x");
        assertThat(HtmlText.of("x" + "<script>".repeat(130_000))).isEqualTo("x");
        assertThat(HtmlText.of("<".repeat(1 << 20))).hasSize(1 << 20);
        assertThat(HtmlText.of("</".repeat(1 << 19) + "<style>")).isNotNull();
    }
}
