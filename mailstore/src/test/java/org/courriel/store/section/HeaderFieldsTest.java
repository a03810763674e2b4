package org.courriel.store.section;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HEADER.FIELDS and HEADER.FIELDS.NOT selection (RFC 9051 §6.4.5.1) on raw header sections. */
class HeaderFieldsTest {

    private static final String HEADER = "Received: from a\r\n\tby b\r\n"
            + "From: Alice <a@example.org>\r\n"
            + "subject: Hello\r\n"
            + "SUBJECT : again\r\n"
            + "X-Ünïcode: latin-1 name\r\n"
            + "not a field line\r\n"
            + "To: b@example.org,\r\n c@example.org\r\n"
            + "\r\n";

    static Stream<Arguments> selections() {
        return Stream.of(
                Arguments.of(List.of("Subject"), false, "subject: Hello\r\nSUBJECT : again\r\n\r\n"),
                Arguments.of(List.of("FROM", "to"), false,
                        "From: Alice <a@example.org>\r\nTo: b@example.org,\r\n c@example.org\r\n\r\n"),
                Arguments.of(List.of("received"), false, "Received: from a\r\n\tby b\r\n\r\n"),
                Arguments.of(List.of("x-ÜNÏCODE"), false, "X-Ünïcode: latin-1 name\r\n\r\n"),
                Arguments.of(List.of("x-none", "Subjec", "subjects"), false, "\r\n"),
                Arguments.of(List.of("Х-cyrillic"), false, "\r\n"),
                Arguments.of(List.of("received", "subject", "x-ünïcode"), true,
                        "From: Alice <a@example.org>\r\nTo: b@example.org,\r\n c@example.org\r\n\r\n"),
                Arguments.of(List.of("Х-cyrillic"), true,
                        HEADER.replace("not a field line\r\n", "")));
    }

    @ParameterizedTest
    @MethodSource("selections")
    void selectsFieldsInMessageOrderWithTheirFoldingAndTheBlankLine(List<String> names, boolean exclude,
            String expected) {
        byte[] header = HEADER.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new String(HeaderFields.select(header, names, exclude), StandardCharsets.ISO_8859_1))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("selections")
    void readsOnlyTheGivenLengthOfALongerArray(List<String> names, boolean exclude, String expected) {
        byte[] message = (HEADER + "Subject: in the body\r\n").getBytes(StandardCharsets.ISO_8859_1);
        int length = HEADER.length();
        assertThat(new String(HeaderFields.select(message, length, names, exclude), StandardCharsets.ISO_8859_1))
                .isEqualTo(expected);
    }

    @Test
    void aSecondSelectionWithOtherNamesIsNotAnsweredFromTheFirst() {
        byte[] header = HEADER.getBytes(StandardCharsets.ISO_8859_1);
        List<String> from = List.of("from");
        List<String> subject = List.of("subject");
        for (int round = 0; round < 2; round++) {
            assertThat(new String(HeaderFields.select(header, from, false), StandardCharsets.ISO_8859_1))
                    .isEqualTo("From: Alice <a@example.org>\r\n\r\n");
            assertThat(new String(HeaderFields.select(header, subject, false), StandardCharsets.ISO_8859_1))
                    .isEqualTo("subject: Hello\r\nSUBJECT : again\r\n\r\n");
        }
    }

    @ParameterizedTest
    @MethodSource("bareHeaders")
    void handlesBareLineFeedsAndAMissingBlankLine(String header, String expected) {
        byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new String(HeaderFields.select(bytes, List.of("a"), false), StandardCharsets.ISO_8859_1))
                .isEqualTo(expected);
    }

    static Stream<Arguments> bareHeaders() {
        return Stream.of(
                Arguments.of("A: 1\nB: 2\n a\n\n", "A: 1\n\n"),
                Arguments.of("B: 2\r\nA: 1\r\n continued", "A: 1\r\n continued"),
                Arguments.of("A", ""),
                Arguments.of("", ""),
                Arguments.of("\r\nA: after the blank line\r\n", "\r\n"));
    }
}
