package org.courriel.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header field values in the summary: unfolded (RFC 5322 §2.2.3), and a bare address's comment as its name. */
class HeaderUnfoldingTest {

    private static MessageSummary parse(String header) {
        return MessageParser.parse((header + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8), 1024);
    }

    private static String esc(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "one line                  | one line",
            "folded\\r\\n here            | folded here",
            "folded\\r\\n\\ttab            | folded\ttab",
            "twice\\r\\n a\\r\\n  b          | twice a  b",
            "'  padded  '              | padded"})
    void subjectsAreUnfoldedAndTrimmed(String value, String subject) {
        assertThat(parse("Subject: " + esc(value)).envelope().subject()).isEqualTo(subject);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a@example.com (Alice Liddell)          | Alice Liddell",
            "a@example.com\\t(Alice \\(the\\) first) | Alice (the) first",
            "a@example.com                          | ",
            "Alice <a@example.com> (work)           | Alice",
            "a@example.com (=?utf-8?q?caf=C3=A9?=)  | caf\u00e9",
            "b@example.com, a@example.com (A)       | "})
    void aBareAddressTakesTheCommentAfterItAsItsName(String from, String name) {
        assertThat(parse("From: " + esc(from)).envelope().from().getFirst().name()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc      | abc",
            "a\\r\\nb   | ab",
            "\\r\\n     | ''",
            "a\\rb\\nc  | abc"})
    void lineBreaksAreRemoved(String text, String expected) {
        assertThat(MessageParser.withoutLineBreaks(esc(text))).isEqualTo(expected);
    }
}
