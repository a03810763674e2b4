package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.testing.LoginSpellings;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** An account locked out after failed logins stays locked out under every spelling of its address. */
@TestPropertySource(properties = {"courriel.auth.max-failures-per-account=3", "courriel.auth.max-failures-per-ip=1000"})
class LoginLockoutTest extends ImapTestSupport {

    @Test
    void otherSpellingsOfALockedOutAddressAreRefusedByLoginAndAuthenticate() throws Exception {
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            for (int i = 1; i <= 3; i++) {
                assertThat(client.command("g" + i, "LOGIN " + user + " \"guess " + i + "\"")).last().asString()
                        .startsWith("g" + i + " NO [AUTHENTICATIONFAILED]");
            }
            int n = 0;
            for (String spelling : LoginSpellings.of(user)) {
                String tag = "s" + ++n;
                assertThat(client.command(tag, "LOGIN \"" + spelling + "\" \"" + PASSWORD + "\"")).as(spelling)
                        .last().asString().startsWith(tag + " NO [AUTHENTICATIONFAILED]");
                tag = "p" + n;
                client.send(tag + " AUTHENTICATE PLAIN " + Base64.getEncoder()
                        .encodeToString(("\0" + spelling + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
                assertThat(client.readUntilTagged(tag)).as(spelling).last().asString()
                        .startsWith(tag + " NO [AUTHENTICATIONFAILED]");
            }
            // Only that account is locked out: another logs in on the same connection.
            String other = "carol@" + user.substring(user.indexOf('@') + 1);
            accounts.create(other, PASSWORD, "Carol", 0);
            assertThat(client.command("o1", "LOGIN " + other + " \"" + PASSWORD + "\"")).last().asString()
                    .startsWith("o1 OK");
        }
    }
}
