package org.courriel.mta.smtp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.courriel.mta.smtp.command.SmtpCommands;
import org.courriel.mta.smtp.policy.RecipientPolicy;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Recipient;
import org.springframework.util.unit.DataSize;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Every SMTP command's argument parsing, in a session: MAIL and RCPT parameters (RFC 1870, 3461, 6152,
 * 6531), AUTH responses (RFC 4954), BDAT sizes (RFC 3030), DATA. Whatever the bytes, each reply line is well
 * formed and none is the bug reply (451 4.3.0, from an exception in a command); the session ends at the end
 * of the input and with nothing but end of stream. The first byte picks the listener kind (MX,
 * submission, implicit TLS submission) so that AUTH is reachable.
 */
class SmtpCommandsFuzzTest {

    private static final AccountInfo BOB = new AccountInfo(1, "bob@hamburger.edu", "Bob", 0, 0, true, false);

    @FuzzTest
    @DictionaryFile(resourcePath = "smtp.dict")
    void commandsGetWellFormedRepliesAndNeverTheBugReply(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        ListenerKind kind = ListenerKind.values()[(input[0] & 0xff) % ListenerKind.values().length];
        SmtpProperties properties = new SmtpProperties(512, DataSize.ofBytes(300), 3, 50, Duration.ofMinutes(5),
                Duration.ofMinutes(3), DataSize.ofBytes(500), DataSize.ofMegabytes(512), Duration.ofSeconds(5), true);
        SmtpContext context = new SmtpContext(kind, "mx.hamburger.edu", properties,
                new RecipientPolicy(a -> a.startsWith("bob@") ? new Recipient.Local(a, List.of(BOB), List.of())
                        : new Recipient.Remote(a)),
                (account, address) -> true,
                (client, user, password) -> new Authenticator.Outcome.Success(1, user),
                new MessageIntake((envelope, message) -> { }), new SmtpMetrics(new SimpleMeterRegistry(), "fuzz"),
                Clock.systemUTC());
        MemoryChannel channel = new MemoryChannel(java.util.Arrays.copyOfRange(input, 1, input.length),
                kind.implicitTls(), false);
        try {
            new SmtpSession(context, new SmtpDispatcher(SmtpCommands.all()), channel).run();
        } catch (EOFException e) {
            // the input ended inside AUTH or a BDAT chunk: a client that went away
        }
        String output = channel.output();
        assertThat(output).endsWith("\r\n");
        for (String line : output.split("\r\n")) {
            assertThat(line).matches("[2-5]\\d\\d[ -].*|334 .*|354 .*").doesNotStartWith("451 4.3.0");
        }
    }
}
