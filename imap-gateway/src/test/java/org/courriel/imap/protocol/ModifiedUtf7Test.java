package org.courriel.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3501 §5.1.3: one spelling per name, and every other spelling refused. */
class ModifiedUtf7Test {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(delimiter = '|', value = {
        "INBOX|INBOX",
        "R&-D|R&D",
        "&-&-|&&",
        "Entw&APw-rfe|Entw\u00fcrfe",
        "~peter/mail/&U,BTFw-/&ZeVnLIqe-|~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e",
        // a pair of surrogates: U+1F600
        "&2D3eAA-|\ud83d\ude00",
        // a control character is encoded too
        "a&AAE-b|a\u0001b",
        "&AOk-&-|\u00e9&",
    })
    void roundTrips(String encoded, String decoded) {
        assertThat(ModifiedUtf7.decode(encoded)).isEqualTo(decoded);
        assertThat(ModifiedUtf7.encode(decoded)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // unpaired surrogates (these three all decoded to U+FFFD, one mailbox for three names)
        "&2D0-", "&3AA-", "&2D3YPQ-",
        // unterminated, or a character outside modified base64 ('/' and '=' are not in it)
        "bad&U,BT", "&AOk", "&AO/-", "&AOk=-", "&AO k-",
        // a partial UTF-16 unit, or non-zero padding bits
        "&AO-", "&AOm-", "&AOkA-",
        // printable US-ASCII encoded ("&" itself included) instead of standing for itself
        "&AGE-", "&ACY-", "&AOkAYQ-",
        // two shift sequences in a row: the shortest form is one
        "&AOk-&AOk-",
        // raw characters outside printable US-ASCII
        "a\u0001b", "tab\there", "caf\u00e9", "del\u007f",
    })
    void refusesWhatNoEncoderWrites(String name) {
        assertThatThrownBy(() -> ModifiedUtf7.decode(name)).isInstanceOf(ImapSyntaxException.class)
                .hasMessageStartingWith("invalid modified UTF-7");
    }
}
