package org.courriel.mta.smtp;

import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.session.SmtpMetrics;
import org.courriel.mta.smtp.session.SmtpProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.courriel.access.ListenersProperties;
import org.courriel.mta.smtp.command.SmtpCommands;
import org.courriel.mta.smtp.policy.RecipientPolicy;
import org.courriel.mta.smtp.session.Authenticator;
import org.courriel.mta.smtp.session.MessageIntake;
import org.courriel.mta.smtp.session.SmtpContext;
import org.courriel.mta.smtp.session.SmtpDispatcher;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.account.Recipient;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A listener of its own (no store), stopped while clients are connected. */
class SmtpServerShutdownTest {

    @Test
    void stoppingTheListenerTellsOpenSessions421() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SmtpProperties properties = new SmtpProperties(2048, DataSize.ofKilobytes(64), 100, 20,
                Duration.ofMinutes(5), Duration.ofMinutes(3), DataSize.ofBytes(500), DataSize.ofMegabytes(512), Duration.ofSeconds(5), false);
        SmtpContext context = new SmtpContext(ListenerKind.MX, "mx.example", properties,
                new RecipientPolicy(address -> new Recipient.Unknown(address)), (account, address) -> false,
                (client, user, password) -> new Authenticator.Outcome.Failure(), new MessageIntake((e, m) -> { }),
                new SmtpMetrics(meters, "mx"), Clock.systemUTC());
        SmtpServer server = new SmtpServer(context, new SmtpDispatcher(SmtpCommands.all()), new MxProperties(true, "127.0.0.1", 0, 10, 10),
                new ListenersProperties(true, Duration.ofMinutes(1), Duration.ofSeconds(1)), null, meters);
        server.start();
        try (SmtpClient a = new SmtpClient(server.port()); SmtpClient b = new SmtpClient(server.port())) {
            a.expect("220 mx.example");
            b.expect("220 mx.example");
            a.send("EHLO a.example").reply();
            b.send("NOOP").expect("250");
            assertThat(server.openSessions()).isEqualTo(2);
            server.close();
            for (SmtpClient c : List.of(a, b)) {
                c.expect("421 4.3.2 mx.example");
                assertThat(c.closedByServer()).isTrue();
            }
        } finally {
            server.close();
        }
    }
}
