package org.courriel.imap.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.courriel.imap.protocol.ImapSyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5464 §3.2's rules for entry names, as a table. */
class EntryNameTest {

    @ParameterizedTest
    @CsvSource({
            "/private/comment, /private/comment",
            "/Shared/Comment, /shared/comment",
            "/shared/vendor/courriel/theme, /shared/vendor/courriel/theme",
            "/private/filters/values/boss, /private/filters/values/boss"})
    void validNamesAreKeptInLowerCase(String name, String expected) {
        assertThat(EntryName.parse(name, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/shared//comment", "/shared/comment/", "/comment", "comment", "/shared/a*", "/shared/a%",
            "/shared/vendor/courriel", "/private", "/shared", "/shared/caf\u00e9", "/shared/a\tb", ""})
    void invalidNamesAreSyntaxErrors(String name) {
        assertThatThrownBy(() -> EntryName.parse(name, false)).isInstanceOf(ImapSyntaxException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/private", "/SHARED"})
    void theBareScopeIsTakenWhereGetMetadataReadsBelowIt(String name) {
        assertThat(EntryName.parse(name, true)).isEqualTo(name.toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/private/comment|/private/comment",
            "/shared/a b|\"/shared/a b\"",
            "/shared/(x)|\"/shared/(x)\""})
    void entryNamesGoOutAsAtomsUnlessTheyHoldSpecials(String name, String expected) {
        StringBuilder sb = new StringBuilder();
        MetadataResponse.entry(sb, name);
        assertThat(sb).hasToString(expected);
    }

    @org.junit.jupiter.api.Test
    void aLongNameIsASyntaxError() {
        assertThatThrownBy(() -> EntryName.parse("/shared/" + "x".repeat(EntryName.MAX_LENGTH), false))
                .isInstanceOf(ImapSyntaxException.class);
    }
}
