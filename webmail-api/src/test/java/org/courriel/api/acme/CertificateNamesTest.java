package org.courriel.api.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateNamesTest {

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("Mail.Example.ORG.", List.of(), false, List.of("example.org"), List.of("mail.example.org")),
                Arguments.of("mail.example.org", List.of(), true, List.of("example.org", "Other.test"),
                        List.of("mail.example.org", "mta-sts.example.org", "autoconfig.example.org",
                                "mta-sts.other.test", "autoconfig.other.test")),
                Arguments.of("mail.example.org", List.of("webmail.example.org", "MAIL.example.org"), true, List.of(),
                        List.of("mail.example.org", "webmail.example.org")),
                Arguments.of("mail.example.org", List.of("mta-sts.example.org"), true, List.of("example.org"),
                        List.of("mail.example.org", "mta-sts.example.org", "autoconfig.example.org")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hostNameFirstThenExtraThenEachDomainsNamesOnce(String hostname, List<String> extra, boolean domainNames,
            List<String> domains, List<String> expected) {
        assertThat(CertificateNames.of(hostname, extra, domainNames, domains)).containsExactlyElementsOf(expected);
    }
}
