package org.courriel.mta.smtp.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EsmtpParametersTest {

    @Test
    void keywordsAreUpperCasedAndValuesKept() throws SmtpSyntaxException {
        assertThat(EsmtpParameters.parse("size=10  SMTPUTF8 envid=Ab+2B"))
                .containsExactly(java.util.Map.entry("SIZE", "10"), java.util.Map.entry("SMTPUTF8", ""),
                        java.util.Map.entry("ENVID", "Ab+2B"));
        assertThat(EsmtpParameters.parse("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIZE=1 size=2", "=1", "SIZE=", "S_Z=1"})
    void refusesDuplicatesAndBadKeywords(String text) {
        assertThatThrownBy(() -> EsmtpParameters.parse(text)).isInstanceOf(SmtpSyntaxException.class);
    }

    @ParameterizedTest
    @CsvSource({"abc,true", "a+2Bb,true", "a+2,false", "a+zz,false", "a=b,false", "'a b',false", "é,false"})
    void xtextFollowsRfc3461(String value, boolean valid) {
        assertThat(EsmtpParameters.isXtext(value)).isEqualTo(valid);
    }
}
