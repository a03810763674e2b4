package org.courriel.access.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.courriel.store.account.ScramKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScramSha256ServerTest {

    /** RFC 7677 §3: user "user", password "pencil". */
    private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final ScramKeys PENCIL = ScramKeys.derive("pencil", SALT, 4096);
    private static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static ScramSha256Server server() {
        return new ScramSha256Server(user -> user.equals("user") ? Optional.of(PENCIL) : Optional.empty(),
                user -> new ScramKeys(SALT, 4096, new byte[32], new byte[32]), () -> "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
    }

    @Test
    void runsTheExampleExchangeOfRfc7677() {
        ScramSha256Server server = server();

        assertThat(server.serverFirst(CLIENT_FIRST)).isEqualTo(SERVER_FIRST);
        assertThat(server.username()).isEqualTo("user");
        assertThat(server.clientFinal(CLIENT_FINAL)).isEqualTo(new ScramSha256Server.Verdict(true, SERVER_FINAL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a wrong proof
        "n,,n=user,r=rOprNGfwEbeRWgbNEkqO | c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=AHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ= | e=invalid-proof",
        // the nonce not the server's
        "n,,n=user,r=rOprNGfwEbeRWgbNEkqO | c=biws,r=rOprNGfwEbeRWgbNEkqO,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ= | e=other-error",
        // c= not the gs2 header sent (y,, sent, n,, echoed)
        "y,,n=user,r=rOprNGfwEbeRWgbNEkqO | c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ= | e=channel-bindings-dont-match",
        // an unknown user with the example's proof
        "n,,n=nobody,r=rOprNGfwEbeRWgbNEkqO | c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ= | e=invalid-proof",
        // an authorization identity other than the user
        "n,a=admin,n=user,r=rOprNGfwEbeRWgbNEkqO | c=bixhPWFkbWluLA==,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ= | e=invalid-proof",
    })
    void refuses(String clientFirst, String clientFinal, String error) {
        ScramSha256Server server = server();
        server.serverFirst(clientFirst);

        assertThat(server.clientFinal(clientFinal)).isEqualTo(new ScramSha256Server.Verdict(false, error));
    }

    @Test
    void acceptsTheYFlagWhenTheClientEchoesIt() {
        ScramSha256Server server = new ScramSha256Server(user -> Optional.of(ScramKeys.derive("a password", SALT, 4096)),
                user -> { throw new AssertionError(); }, () -> "server");
        org.courriel.store.testing.ScramClient client =
                new org.courriel.store.testing.ScramClient("bob", "a password", "y,,", "client");

        String serverFirst = server.serverFirst(decode(client.first()));
        ScramSha256Server.Verdict verdict = server.clientFinal(decode(client.last(encode(serverFirst))));

        assertThat(verdict.verified()).isTrue();
        assertThat(client.verifies(encode(verdict.serverFinal()))).isTrue();
    }

    @Test
    void anUnknownUserGetsTheSameSaltEachTime() {
        byte[] secret = new byte[32];
        ScramStandIns standIns = new ScramStandIns(4096, () -> secret);
        assertThat(standIns.keys("Nobody@Example.org").salt()).isEqualTo(standIns.keys("nobody@example.org").salt());
        assertThat(standIns.keys("nobody@example.org").salt()).isNotEqualTo(standIns.keys("other@example.org").salt());
    }

    @Test
    void messagesOutOfOrderAreABug() {
        ScramSha256Server server = server();
        assertThatThrownBy(() -> server.clientFinal(CLIENT_FINAL)).isInstanceOf(IllegalStateException.class);
        server.serverFirst(CLIENT_FIRST);
        assertThatThrownBy(() -> server.serverFirst(CLIENT_FIRST)).isInstanceOf(IllegalStateException.class);
        server.clientFinal(CLIENT_FINAL);
        assertThatThrownBy(() -> server.clientFinal(CLIENT_FINAL)).isInstanceOf(IllegalStateException.class);
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
