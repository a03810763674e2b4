package org.courriel.access.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScramMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // message | gs2 header | authzid | user | nonce
        "n,,n=user,r=rOprNGfwEbeRWgbNEkqO | n,, | '' | user | rOprNGfwEbeRWgbNEkqO",
        "y,,n=user,r=abc | y,, | '' | user | abc",
        "n,a=bob@example.org,n=bob@example.org,r=abc | n,a=bob@example.org, | bob@example.org | bob@example.org | abc",
        "n,,n=a=2Cb=3Dc,r=abc | n,, | '' | a,b=c | abc",
        "n,,n=user,r=abc,x=ignored | n,, | '' | user | abc",
    })
    void parsesClientFirst(String message, String header, String authzid, String user, String nonce) {
        ScramMessages.ClientFirst first = ScramMessages.clientFirst(message);

        assertThat(first.gs2Header()).isEqualTo(header);
        assertThat(first.authzid()).isEqualTo(authzid);
        assertThat(first.username()).isEqualTo(user);
        assertThat(first.nonce()).isEqualTo(nonce);
        assertThat(header + first.bare()).isEqualTo(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "n", "n,", "n,,", "x,,n=user,r=abc", "p=tls-unique,,n=user,r=abc", "n,b=bob,n=user,r=abc",
        "n,,r=abc,n=user", "n,,n=,r=abc", "n,,n=user", "n,,n=user,r=", "n,,n=us=er,r=abc", "n,,n=user,r=a b",
        "n,,m=ext,n=user,r=abc", "n,,n=user,r=abc,m=mandatory", "n,,n=user,r=abc,=x",
    })
    void refusesBadClientFirst(String message) {
        assertThatThrownBy(() -> ScramMessages.clientFirst(message)).isInstanceOf(ScramException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c=biws,r=abc", "c=biws,p=AAAA", "r=abc,c=biws,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
        "c=biws,r=abc,p=AAAA", "c=biws,r=abc,p=!!!!", "c=b!ws,r=abc,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
        "c=biws,r=abc,m=x,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
    })
    void refusesBadClientFinal(String message) {
        assertThatThrownBy(() -> ScramMessages.clientFinal(message)).isInstanceOf(ScramException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {ScramMessages.MAX_MESSAGE + 1, 100_000})
    void refusesOverlongMessages(int length) {
        String message = "n,,n=user,r=" + "a".repeat(length);
        assertThatThrownBy(() -> ScramMessages.clientFirst(message)).isInstanceOf(ScramException.class);
        assertThatThrownBy(() -> ScramMessages.clientFinal(message)).isInstanceOf(ScramException.class);
    }
}
