package org.courriel.mta.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7208 §7.4: the macro examples, and malformed macro-strings. */
class SpfMacroTest {

    @ParameterizedTest(name = "{0} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            %{s}                              | 192.0.2.3     | strong-bad@email.example.com
            %{o}                              | 192.0.2.3     | email.example.com
            %{d}                              | 192.0.2.3     | email.example.com
            %{d4}                             | 192.0.2.3     | email.example.com
            %{d3}                             | 192.0.2.3     | email.example.com
            %{d2}                             | 192.0.2.3     | example.com
            %{d1}                             | 192.0.2.3     | com
            %{dr}                             | 192.0.2.3     | com.example.email
            %{d2r}                            | 192.0.2.3     | example.email
            %{l}                              | 192.0.2.3     | strong-bad
            %{l-}                             | 192.0.2.3     | strong.bad
            %{lr}                             | 192.0.2.3     | strong-bad
            %{lr-}                            | 192.0.2.3     | bad.strong
            %{l1r-}                           | 192.0.2.3     | strong
            %{ir}.%{v}._spf.%{d2}             | 192.0.2.3     | 3.2.0.192.in-addr._spf.example.com
            %{lr-}.lp._spf.%{d2}              | 192.0.2.3     | bad.strong.lp._spf.example.com
            %{lr-}.lp.%{ir}.%{v}._spf.%{d2}   | 192.0.2.3     | bad.strong.lp.3.2.0.192.in-addr._spf.example.com
            %{ir}.%{v}.%{l1r-}.lp._spf.%{d2}  | 192.0.2.3     | 3.2.0.192.in-addr.strong.lp._spf.example.com
            %{d2}.trusted-domains.example.net | 192.0.2.3     | example.com.trusted-domains.example.net
            %{ir}.%{v}._spf.%{d2}             | 2001:db8::cb01 | 1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com
            %%%_%-                            | 192.0.2.3     | '% %20'
            %{S}                              | 192.0.2.3     | strong-bad%40email.example.com
            """)
    void rfc7208Section74Examples(String macro, String ip, String expected) throws Exception {
        var context = new SpfMacro.Context("strong-bad@email.example.com", "email.example.com",
                InetAddress.getByName(ip), "mx.example.org", () -> "unknown");
        assertThat(SpfMacro.expand(macro, context)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%x", "%{", "%{q}", "%{d0}", "%{d*}", "%{c}", "a b"})
    void malformedMacroStringsArePermerrors(String macro) {
        assertThatThrownBy(() -> SpfMacro.check(macro, false)).isInstanceOf(SpfException.class)
                .extracting(e -> ((SpfException) e).result()).isEqualTo(SpfResult.PERMERROR);
    }
}
