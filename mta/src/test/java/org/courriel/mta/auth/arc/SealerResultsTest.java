package org.courriel.mta.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a sealer's ARC-Authentication-Results say DMARC passed for a From domain (RFC 8601 §2.2 syntax). */
class SealerResultsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "i=1; lists.example; dmarc=pass header.from=bank.example                       | true",
            "i=1; lists.example; spf=fail smtp.mailfrom=x; DMARC=Pass (p=reject) Header.From=Bank.Example | true",
            "i=1; lists.example; dmarc=fail header.from=bank.example                       | false",
            "i=1; lists.example; dmarc=pass header.from=other.example                      | false",
            "i=1; lists.example; dmarc=fail (dmarc=pass header.from=bank.example) header.from=bank.example | false",
            "i=1; lists.example; dkim=pass (dmarc=pass; x) header.d=bank.example              | false",
            "i=1; lists.example; none                                                       | false",
    })
    void readsTheDmarcResultForTheDomain(String results, boolean passed) {
        assertThat(SealerResults.dmarcPassed(results, "bank.example")).isEqualTo(passed);
    }
}
