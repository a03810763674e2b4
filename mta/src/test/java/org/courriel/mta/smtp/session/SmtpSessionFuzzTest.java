package org.courriel.mta.smtp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.courriel.mta.smtp.command.SmtpCommands;
import org.courriel.mta.smtp.policy.RecipientPolicy;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.Recipient;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Random command soup from a fixed seed: whatever the client sends, every reply line is well formed, the
 * session never takes the bug path (451 4.3.0 from an exception) and never fails with anything but end of input.
 */
class SmtpSessionFuzzTest {

    private static final List<String> FRAGMENTS = List.of("HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP",
            "VRFY", "HELP", "STARTTLS", "AUTH", "QUIT", " ", ":", "FROM:", "TO:", "<", ">", "<>", "@", "bob", "hamburger.edu",
            "x.example", "SIZE=", "9999999999999999999", "12", "BODY=8BITMIME", "SMTPUTF8", "NOTIFY=NEVER", "ORCPT=rfc822;",
            "RET=FULL", "ENVID=+2", "LAST", "PLAIN", "LOGIN", "=", "*", "AGJvYgBzZWNyZXQ=", "\"q\"", "[1.2.3.4]", "%", "!",
            ".", "..", "\r", "\n", "\r\n", "\r\n.\r\n", "é", "\0", "\t");

    /** Plausible command lines, sometimes with a fragment spliced in, sometimes pure soup. */
    private static final List<String> LINES = List.of("EHLO x.example", "HELO x.example", "MAIL FROM:<bob@hamburger.edu>",
            "MAIL FROM:<> SIZE=100", "MAIL FROM:<bob@hamburger.edu> BODY=8BITMIME SMTPUTF8 RET=HDRS",
            "RCPT TO:<bob@hamburger.edu>", "RCPT TO:<bob@hamburger.edu> NOTIFY=SUCCESS,DELAY", "RCPT TO:<x@y.example>",
            "AUTH PLAIN AGJvYgBzZWNyZXQ=", "AUTH LOGIN", "Ym9i", "DATA", "Subject: x", "", ".", "..x", "RSET", "NOOP",
            "VRFY bob", "STARTTLS", "BDAT 3", "BDAT 5 LAST", "QUIT");

    private static String line(Random random) {
        if (random.nextInt(10) == 0) {
            StringBuilder soup = new StringBuilder();
            for (int i = random.nextInt(8); i >= 0; i--) {
                soup.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            return soup.toString();
        }
        String line = LINES.get(random.nextInt(LINES.size()));
        if (random.nextInt(6) == 0) {
            int at = random.nextInt(line.length() + 1);
            line = line.substring(0, at) + FRAGMENTS.get(random.nextInt(FRAGMENTS.size())) + line.substring(at);
        }
        return line + "\r\n";
    }

    @Test
    void randomInputNeverBreaksTheSession() throws Exception {
        Random random = new Random(20261123);
        AccountInfo bob = new AccountInfo(1, "bob@hamburger.edu", "Bob", 0, 0, true, false);
        int[] reached = new int[3];
        for (int round = 0; round < 400; round++) {
            StringBuilder input = new StringBuilder();
            int lines = 3 + random.nextInt(40);
            for (int i = 0; i < lines; i++) {
                input.append(line(random));
            }
            ListenerKind kind = ListenerKind.values()[random.nextInt(ListenerKind.values().length)];
            SmtpProperties properties = new SmtpProperties(512, DataSize.ofBytes(300), 3, 50, Duration.ofMinutes(5),
                    Duration.ofMinutes(3), DataSize.ofBytes(500), DataSize.ofMegabytes(512), Duration.ofSeconds(5), random.nextBoolean());
            SmtpContext context = new SmtpContext(kind, "mx.hamburger.edu", properties,
                    new RecipientPolicy(a -> a.startsWith("bob@") ? new Recipient.Local(a, List.of(bob), List.of())
                            : new Recipient.Remote(a)),
                    (account, address) -> true,
                    (client, user, password) -> new Authenticator.Outcome.Success(1, user),
                    new MessageIntake((envelope, message) -> { }), new SmtpMetrics(new SimpleMeterRegistry(), "fuzz"),
                    Clock.systemUTC());
            MemoryChannel channel = new MemoryChannel(input.toString(), kind.implicitTls(), false);
            try {
                new SmtpSession(context, new SmtpDispatcher(SmtpCommands.all()), channel).run();
            } catch (EOFException e) {
                // the input ended inside AUTH or a BDAT chunk: a client that went away
            }
            String output = channel.output();
            reached[0] += output.contains("\r\n250 2.1.0 ") ? 1 : 0;
            reached[1] += output.contains("\r\n235 2.7.0 ") ? 1 : 0;
            reached[2] += output.contains("\r\n250 2.1.5 ") ? 1 : 0;
            assertThat(output).as("round %d input %s", round, input).endsWith("\r\n");
            for (String line : output.split("\r\n")) {
                assertThat(line).as("round %d input %s", round, input).matches("[2-5]\\d\\d[ -].*|334 .*|354 .*");
                assertThat(line).as("round %d input %s", round, input).doesNotStartWith("451 4.3.0");
            }
        }
        // The soup must get past the first states often enough to mean something: MAIL, AUTH and RCPT accepted.
        assertThat(reached).as("rounds reaching MAIL, AUTH, RCPT").doesNotContain(0);
    }
}
