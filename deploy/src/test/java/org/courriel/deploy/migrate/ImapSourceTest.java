package org.courriel.deploy.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.courriel.deploy.migrate.ImapSource.Tls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImapSourceTest {

    @ParameterizedTest
    @CsvSource({
            "imap://alice@old.example,               , alice,             old.example, 143, STARTTLS",
            "imap://alice@old.example:1143,          , alice,             old.example, 1143, STARTTLS",
            "imaps://alice@old.example,              , alice,             old.example, 993, IMPLICIT",
            "imap://alice@old.example,       implicit, alice,             old.example, 993, IMPLICIT",
            "imap://alice@127.0.0.1:1430,    none,     alice,             127.0.0.1,   1430, NONE",
            "imap://alice%40example.org@old.example/, , alice@example.org, old.example, 143, STARTTLS",
            "imap://a+b@old.example,                 , a+b,               old.example, 143, STARTTLS"})
    void parsesUserHostPortAndTls(String uri, String tls, String user, String host, int port, Tls expected) {
        ImapSource source = ImapSource.parse(uri, tls == null ? null : Tls.parse(tls));
        assertThat(source).isEqualTo(new ImapSource(user, host, port, expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pop3://alice@old.example        | not an imap:// URI",
            "old.example                     | not an imap:// URI",
            "imap://old.example              | names no user and host",
            "imap://alice:secret@old.example | the password goes in --password-file",
            "imap://alice@old.example/INBOX  | not a mailbox"})
    void refusesWhatIsNotAServerAndAUser(String uri, String message) {
        assertThatThrownBy(() -> ImapSource.parse(uri, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"IMPLICIT, IMPLICIT", "starttls, STARTTLS", "None, NONE"})
    void tlsIsOneOfThree(String given, Tls expected) {
        assertThat(Tls.parse(given)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void anotherTlsIsRefused() {
        assertThatThrownBy(() -> Tls.parse("ssl")).hasMessage("--tls is implicit, starttls or none, not ssl");
    }
}
