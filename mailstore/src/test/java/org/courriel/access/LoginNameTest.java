package org.courriel.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.courriel.access.auth.LoginName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every spelling that reaches an account shares the account's key; names of no account still fold together. */
class LoginNameTest {

    @ParameterizedTest(name = "[{0}] is carol@example.test")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "carol@example.test",
            "CAROL@Example.TEST",
            "carol@example.test.",
            " carol@example.test",
            "carol@example.test\t",
            "carol@\uff45xample.test",       // fullwidth e
            "carol@\uff25\uff38\uff21\uff2d\uff30\uff2c\uff25.test", // fullwidth EXAMPLE
            "carol@example\u3002test",       // ideographic full stop
            "carol@example\uff0etest",       // fullwidth full stop
            "carol@example\uff61test",       // halfwidth ideographic full stop
            "carol@example.test\u3002",      // trailing ideographic full stop
    })
    void spellingsOfAnAddressShareItsNormalForm(String typed) {
        LoginName name = LoginName.of(typed);
        assertThat(name.key()).isEqualTo("carol@example.test");
        assertThat(name.address()).contains("carol@example.test");
    }

    @ParameterizedTest(name = "[{0}] is no address, counted as [{1}]")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "carol|carol",
            " CAROL. |carol",
            "\uff43\uff41\uff52\uff4f\uff4c|carol",
            "carol@example.test..|carol@example.test",
            "carol@@|carol@@",
    })
    void otherNamesReachNoAccountButStillFold(String typed, String key) {
        LoginName name = LoginName.of(typed);
        assertThat(name.address()).isEmpty();
        assertThat(name.key()).isEqualTo(key);
    }
}
