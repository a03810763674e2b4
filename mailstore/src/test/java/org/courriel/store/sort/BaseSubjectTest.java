package org.courriel.store.sort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5256 §2.1, step by step: the subject as the header has it, the base subject, and whether it is a reply. */
class BaseSubjectTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Hello|Hello|false",
        // (2) trailing (fwd) and spaces, repeatedly
        "Hello (fwd)|Hello|true",
        "Hello (FWD) (fwd)  |Hello|true",
        // (3) subj-refwd leaders, any case, with a blob inside and spaces before the colon
        "Re: Hello|Hello|true",
        "RE: re: Fwd: Hello|Hello|true",
        "fw: Hello|Hello|true",
        "Re [2]: Hello|Hello|true",
        "Re  : Hello|Hello|true",
        "Re[list]: Hello|Hello|true",
        "Reply: Hello|Reply: Hello|false",
        // *subj-blob subj-refwd: blobs before the Re are part of the leader
        "[list] Re: Hello|Hello|true",
        "[a][b] Re: [c] Fwd: Hello|Hello|true",
        // (4) a blob alone is removed when something is left
        "[announce] Hello|Hello|false",
        "[a] [b] Hello|Hello|false",
        "[announce]|[announce]|false",
        "Re: [announce]|[announce]|true",
        "[a] [b]|[b]|false",
        // (6) [fwd: ...], then again from (2)
        "[Fwd: Re: Hello (fwd)]|Hello|true",
        "[fwd: Hello]|Hello|true",
        "[fwd: Hello] more|more|false",
        // (1) encoded words are decoded first
        "=?UTF-8?Q?Re=3A_=C3=A9cole?=|\u00e9cole|true",
        "=?ISO-8859-1?Q?caf=E9?= au lait|caf\u00e9 au lait|false",
        "Re:|\"\"|true",
        "\"\"|\"\"|false"})
    void extractsTheBaseSubject(String subject, String base, boolean reply) {
        BaseSubject extracted = BaseSubject.of(subject);
        assertThat(extracted.text()).isEqualTo(base);
        assertThat(extracted.replyOrForward()).isEqualTo(reply);
    }

    @org.junit.jupiter.api.Test
    void tabsContinuationsAndRunsOfSpacesBecomeOneSpace() {
        // §2.1 (1)
        assertThat(BaseSubject.of("Re: Hello\t  big\r\n world  ")).isEqualTo(new BaseSubject("Hello big world", true));
    }

    @org.junit.jupiter.api.Test
    void noSubjectIsTheEmptyString() {
        assertThat(BaseSubject.of(null)).isEqualTo(new BaseSubject("", false));
    }
}
