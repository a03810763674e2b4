package org.courriel.store.sort;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5051 §2: titlecase, then full decomposition, per character; ordering by the octets of the result. */
class UnicodeCasemapTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "abc|ABC",
        "ABC|ABC",
        "Hello World|HELLO WORLD",
        // é: titlecase É, decomposed to E + U+0301
        "\u00e9cole|E\u0301COLE",
        "\u00c9COLE|E\u0301COLE",
        // ß has no single titlecase mapping in UnicodeData: it stays, as RFC 5051 uses simple mappings
        "stra\u00dfe|STRA\u00dfE",
        // dž (U+01C6) titlecases to Dž (U+01C5), which decomposes to D z + caron
        "\u01c6|Dz\u030c",
        // compatibility decompositions: a full-width a (titlecase first), the fi ligature (no titlecase of its own)
        "\ufb01|fi",
        "\uff41|A",
        "''|''"})
    void canonicalForm(String in, String canonical) {
        assertThat(UnicodeCasemap.canonical(in)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', value = {
        "''|a",
        "apple|Banana",
        "\u00e9cole|Zebra",
        "Zebra|\u00c6on",
        "\u00e9cole|\u00e9COLES",
        "a|\ud83d\ude00",
        // octets, not UTF-16 units: U+E000 sorts before U+1F600
        "\ue000|\ud83d\ude00"})
    void ordersByTheOctetsOfTheCanonicalForms(String lower, String higher) {
        assertThat(UnicodeCasemap.compare(lower, higher)).isNegative();
        assertThat(UnicodeCasemap.compare(higher, lower)).isPositive();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {"abc|ABC", "\u00e9|E\u0301", "\u00e9|\u00c9"})
    void equalUnderTheCollation(String a, String b) {
        assertThat(UnicodeCasemap.compare(a, b)).isZero();
    }

    @org.junit.jupiter.api.Test
    void keysAreCutOnACharacterBoundary() {
        assertThat(UnicodeCasemap.key("\u00e9\u00e9", 3)).hasSize(3); // E, U+0301 (2 octets)
        assertThat(UnicodeCasemap.key("\u00e9\u00e9", 2)).hasSize(1); // E alone: U+0301 does not fit
        assertThat(UnicodeCasemap.key("abc", 10)).isEqualTo(new byte[] {'A', 'B', 'C'});
    }
}
