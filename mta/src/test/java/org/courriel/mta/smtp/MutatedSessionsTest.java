package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.testing.SessionMutator;
import org.courriel.store.testing.SessionPlayer;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.Test;

/**
 * Protocol-level fuzzing: recorded client sessions (resources/sessions/smtp-sessions.txt: the textbook
 * dialogue, RFC 5321's example, CHUNKING, submissions with AUTH) mutated from a fixed seed and sent to the
 * running MX and submissions listeners. Every session is answered to its end within a deadline, the server
 * logs no error (the base class checks) and afterwards still accepts a message.
 * <p>
 * Each session ends with the end of DATA, more than a BDAT chunk's worth of padding and QUIT, so a mutation
 * that leaves the server reading a message or a chunk is completed by the client; only the server can be
 * the cause of a missing answer.
 */
class MutatedSessionsTest extends SmtpServerTestSupport {

    private static final long SEED = 20261202;
    private static final int SESSIONS = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static final List<String> TOKENS = List.of("<>", "<", ">", "@", ":", "\"", "\\", "[", "]",
            "[IPv6:::1]", "[999.1.1.1]", "@a,@b:", "SIZE=", "SIZE=99999999999999999999", "SIZE=-1", "BODY=BINARYMIME",
            "BODY=", "SMTPUTF8=x", "RET=", "ENVID=+2B+", "ENVID=" + "x".repeat(101), "NOTIFY=NEVER,SUCCESS",
            "NOTIFY=", "ORCPT=", "ORCPT=utf-8;a\\x{41}", "AUTH=<>", "=", "==", "*", ".", "..", "", " ", "\t", "LAST",
            "BDAT", "BDAT 0", "BDAT 3", "DATA", "RSET", "STARTTLS", "AUTH PLAIN", "AUTH LOGIN", "AUTH CRAM-MD5",
            "AGJvYgA=", "AA==", "=====", "MAIL FROM:", "RCPT TO:", "postmaster", "Postmaster@hamburger.edu",
            "\u00c3\u00a9", "\u00ff", "\0", "\r", "\n", "\n.\n", "\r\n.\r\n");

    @Test
    void mutatedRecordedSessionsAreAnsweredAndLeaveTheServerServing() throws Exception {
        List<Recorded> recorded = recordedSessions();
        List<List<String>> pool = recorded.stream().map(Recorded::lines).toList();
        SessionMutator mutator = new SessionMutator(SEED, TOKENS);
        int accepted = 0;
        int authenticated = 0;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            SessionPlayer player = new SessionPlayer(senders, DEADLINE);
            for (int n = 0; n < SESSIONS; n++) {
                Recorded base = recorded.get(n % recorded.size());
                String answers;
                try (Socket socket = base.tls()
                        ? TestTls.clientContext().getSocketFactory().createSocket("127.0.0.1", submissions())
                        : new Socket("127.0.0.1", mx())) {
                    // ends any DATA, then a BDAT chunk of up to 5000 octets, then QUIT
                    answers = player.play(socket, "session " + n, mutator.mutate(base.lines(), pool),
                            "\r\n.\r\n" + "x".repeat(5000) + "\r\n.\r\nQUIT\r\n", "221 ");
                }
                accepted += answers.contains("\n250 2.0.0 ") ? 1 : 0;
                authenticated += answers.contains("\n235 ") ? 1 : 0;
            }
        }
        // the mutations must leave sessions deep enough to mean something: messages taken, AUTH passed
        assertThat(accepted).as("sessions that had a message accepted").isGreaterThan(SESSIONS / 10);
        assertThat(authenticated).as("sessions that authenticated").isGreaterThan(SESSIONS / 10);
        try (SmtpClient client = new SmtpClient(mx())) {
            client.expect("220 ");
            client.send("EHLO after.example");
            client.reply();
            client.send("MAIL FROM:<a@after.example>", "RCPT TO:<bob@hamburger.edu>", "DATA");
            client.expect("250 ");
            client.expect("250 ");
            client.expect("354 ");
            client.send("Subject: still here", "", "ok", ".");
            assertThat(client.expect("250 ")).startsWith("250 2.0.0");
        }
    }

    private record Recorded(boolean tls, List<String> lines) {
    }

    private static List<Recorded> recordedSessions() throws IOException {
        String plain = Base64.getEncoder().encodeToString(("\0bob@" + DOMAIN + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String text;
        try (InputStream in = MutatedSessionsTest.class.getResourceAsStream("/sessions/smtp-sessions.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        List<Recorded> sessions = new ArrayList<>();
        List<String> lines = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("= ")) {
                lines = new ArrayList<>();
                sessions.add(new Recorded(line.equals("= submissions"), lines));
            } else if (lines != null && !(line.isEmpty() && lines.getLast().equals("QUIT"))) {
                lines.add(line.replace("${plain}", plain));
            }
        }
        return sessions;
    }
}
