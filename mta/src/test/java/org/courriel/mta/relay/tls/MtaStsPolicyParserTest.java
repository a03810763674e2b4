package org.courriel.mta.relay.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.courriel.mta.relay.tls.MtaStsPolicyParser.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 8461 §3.2 policy files, §3.1 TXT records, §4.1 MX patterns. */
class MtaStsPolicyParserTest {

    @Test
    void readsTheRfcExamplePolicy() {
        // RFC 8461 §3.2
        Result result = MtaStsPolicyParser.parse("""
                version: STSv1\r
                mode: enforce\r
                mx: mail.example.com\r
                mx: *.example.net\r
                mx: backupmx.example.com\r
                max_age: 604800\r
                """);
        assertThat(result).isEqualTo(new Result.Valid(new MtaStsPolicy(MtaStsPolicy.Mode.ENFORCE,
                List.of("mail.example.com", "*.example.net", "backupmx.example.com"), Duration.ofSeconds(604800))));
    }

    @Test
    void acceptsBareLineFeedsUnknownFieldsAndModeNoneWithoutMx() {
        assertThat(MtaStsPolicyParser.parse("version: STSv1\nmode: none\nmax_age: 0\nfuture: thing\n"))
                .isEqualTo(new Result.Valid(new MtaStsPolicy(MtaStsPolicy.Mode.NONE, List.of(), Duration.ZERO)));
        assertThat(MtaStsPolicyParser.parse("version:STSv1\nmode:testing\nmx:MX.Example.ORG\nmax_age:86400"))
                .isEqualTo(new Result.Valid(new MtaStsPolicy(MtaStsPolicy.Mode.TESTING, List.of("mx.example.org"),
                        Duration.ofDays(1))));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            mode: enforce\\nmx: a.example\\nmax_age: 60                                   | version is not STSv1
            version: STSv2\\nmode: enforce\\nmx: a.example\\nmax_age: 60                  | version is not STSv1
            version: STSv1\\nmode: strict\\nmx: a.example\\nmax_age: 60                   | mode is not enforce, testing or none
            version: STSv1\\nmode: enforce\\nmx: a.example                               | max_age is not a number of seconds up to 31557600
            version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: 31557601            | max_age is not a number of seconds up to 31557600
            version: STSv1\\nmode: enforce\\nmx: a.example\\nmax_age: -1                  | max_age is not a number of seconds up to 31557600
            version: STSv1\\nmode: enforce\\nmax_age: 60                                  | no mx pattern
            version: STSv1\\nmode: testing\\nmx: a.*.example\\nmax_age: 60                | bad mx pattern: a.*.example
            version: STSv1\\nmode: testing\\nmx a.example\\nmax_age: 60                   | not a key: value line: mx a.example
            """)
    void refusesMalformedPolicies(String text, String reason) {
        assertThat(MtaStsPolicyParser.parse(text.replace("\\n", "\n"))).isEqualTo(new Result.Invalid(reason));
    }

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            mail.example.com  | mail.example.com      | true
            mail.example.com  | MAIL.example.com.     | true
            mail.example.com  | mx.example.com        | false
            *.example.com     | mail.example.com      | true
            *.example.com     | example.com           | false
            *.example.com     | foo.mail.example.com  | false
            *.example.com     | mailexample.com       | false
            """)
    void matchesMxPatterns(String pattern, String host, boolean allowed) {
        // RFC 8461 §4.1: the wildcard is one left-most label only
        MtaStsPolicy policy = new MtaStsPolicy(MtaStsPolicy.Mode.ENFORCE, List.of(pattern), Duration.ofDays(1));
        assertThat(policy.allows(host)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            v=STSv1; id=20160831085700Z;                  | 20160831085700Z
            v=STSv1;id=abc                                | abc
            v=STSv1; ext=1; id=x1                         | x1
            v=STSv1; id=has-dash                          | -
            v=STSv1; id=123456789012345678901234567890123 | -
            id=abc; v=STSv1                               | -
            v=STSv1                                       | -
            v=STSv1; id=                                  | -
            """)
    void readsTheTxtRecord(String txt, String id) {
        // RFC 8461 §3.1; the first row is its example
        assertThat(MtaStsRecord.parse(txt).map(MtaStsRecord::id).orElse(null)).isEqualTo(id);
    }

    @Test
    void aDomainWithTwoStsRecordsOrNoneHasNoPolicy() {
        assertThat(MtaStsRecord.select(List.of("v=spf1 -all", "v=STSv1; id=a"))).contains(new MtaStsRecord("a"));
        assertThat(MtaStsRecord.select(List.of("v=STSv1; id=a", "v=STSv1; id=b"))).isEmpty();
        assertThat(MtaStsRecord.select(List.of("v=spf1 -all"))).isEmpty();
    }
}
