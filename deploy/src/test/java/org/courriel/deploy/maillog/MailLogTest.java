package org.courriel.deploy.maillog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.store.testing.FakeSmtpServer;
import org.courriel.deploy.testing.ServerProcess;
import org.courriel.deploy.cli.LaunchedCli;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;

/**
 * The mail log of a running server: one message to a local account, a remote server that takes it and one
 * that refuses it, all under one queue id from intake to bounce; a failed login in the format the shipped
 * fail2ban filter matches; and {@code courriel log} finding the message by Message-ID, address and queue id.
 */
class MailLogTest {

    @Test
    void oneQueueIdFromIntakeToBounceAndAFailedLoginFail2banMatches() throws Exception {
        Path dir = Files.createTempDirectory("maillog");
        Path data = dir.resolve("data");
        Path maillog = dir.resolve("maillog.log");
        try (FakeSmtpServer taking = remote("250 2.1.5 Ok");
                FakeSmtpServer refusing = remote("550 5.1.1 no such user here");
                ServerProcess server = ServerProcess.start(data, "cli.test", List.of("courriel.maillog.file=" + maillog,
                        "courriel.relay.routes[remote.test]=127.0.0.1:" + taking.port(),
                        "courriel.relay.routes[refusing.test]=127.0.0.1:" + refusing.port()))) {
            String db = "--courriel.data-dir=" + data;
            assertThat(LaunchedCli.command(dir, "", db, "domain", "add", "example.org").exit()).isZero();
            assertThat(LaunchedCli.command(dir, "", db, "user", "add", "bob@example.org", "--password", "a long secret")
                    .exit()).isZero();

            submit(server.submissionPort, "wrong password", null);
            submit(server.submissionPort, "a long secret", List.of("bob@example.org", "carol@remote.test",
                    "dave@refusing.test"));

            Await.until("the remote attempts in the mail log", Duration.ofSeconds(120), () -> {
                String log = read(maillog);
                return log.contains("status=sent") && log.contains("status=bounced")
                        && log.contains("notification to=<bob@example.org>");
            });
            String log = read(maillog);
            Matcher from = Pattern.compile("([0-9A-Z]{12}): from=<bob@example.org>, size=\\d+, nrcpt=3, "
                    + "client=unknown\\[127.0.0.1\\], helo=<client.test>, auth=<bob@example.org>, "
                    + "message-id=<log-test-1@example.org>").matcher(log);
            assertThat(from.find()).as(log).isTrue();
            String id = from.group(1);
            assertThat(log).contains(id + ": to=<bob@example.org>, mailbox=INBOX, status=delivered")
                    .containsPattern(id + ": to=<carol@remote.test>, relay=\\S+, delay=[0-9.]+, attempts=1, "
                            + "dsn=2.0.0, status=sent \\(250 2.0.0 Ok: queued as REMOTE1\\)")
                    .containsPattern(id + ": to=<dave@refusing.test>, relay=\\S+, delay=[0-9.]+, attempts=1, "
                            + "dsn=5.1.1, status=bounced \\(550 5.1.1 no such user here\\)")
                    .contains(id + ": sender failed notification to=<bob@example.org>")
                    .contains("login failed: protocol=smtp, client=[127.0.0.1], account=<bob@example.org>");

            LaunchedCli.Result byMessageId = LaunchedCli.command(dir, "", db, "log", "log-test-1@example.org");
            assertThat(byMessageId.exit()).as(byMessageId.err()).isZero();
            assertThat(byMessageId.out().lines()).allMatch(l -> l.contains(id + ": ")).hasSizeGreaterThanOrEqualTo(6);
            LaunchedCli.Result byId = LaunchedCli.command(dir, "", db, "log", id);
            assertThat(byId.out()).isEqualTo(byMessageId.out());
            LaunchedCli.Result byAddress = LaunchedCli.command(dir, "", db, "log", "dave@refusing.test");
            assertThat(byAddress.out()).isEqualTo(byMessageId.out());
            LaunchedCli.Result nothing = LaunchedCli.command(dir, "", db, "log", "nobody@nowhere.test");
            assertThat(nothing.exit()).isEqualTo(1);

            Path fail2banRegex = Tools.require("fail2ban-regex", "fail2ban");
            Process check = new ProcessBuilder(fail2banRegex.toString(), maillog.toString(),
                    Path.of("fail2ban/filter.d/courriel.conf").toAbsolutePath().toString())
                    .redirectErrorStream(true).start();
            String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(report).isZero();
            assertThat(report).containsPattern("Failregex: 1 total").contains("127.0.0.1");
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** AUTH PLAIN as bob on submission (plain text on loopback), then the message when recipients are given. */
    private static void submit(int port, String password, List<String> recipients) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            say(out, "EHLO client.test");
            expect(in, "250 ");
            String auth = Base64.getEncoder().encodeToString(("\0bob@example.org\0" + password).getBytes(StandardCharsets.UTF_8));
            say(out, "AUTH PLAIN " + auth);
            if (recipients == null) {
                expect(in, "535");
                say(out, "QUIT");
                return;
            }
            expect(in, "235");
            say(out, "MAIL FROM:<bob@example.org>");
            expect(in, "250");
            for (String r : recipients) {
                say(out, "RCPT TO:<" + r + ">");
                expect(in, "250");
            }
            say(out, "DATA");
            expect(in, "354");
            say(out, "From: bob@example.org\r\nTo: carol@remote.test\r\nSubject: log test\r\n"
                    + "Message-ID: <log-test-1@example.org>\r\n\r\nHello.\r\n.");
            expect(in, "250");
            say(out, "QUIT");
        }
    }

    private static void say(OutputStream out, String line) throws java.io.IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(BufferedReader in, String prefix) throws java.io.IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine();
        }
        assertThat(line).startsWith(prefix);
    }

    /** A remote MTA on loopback that answers every RCPT with {@code rcptReply} (250 takes the message, 550 refuses). */
    private static FakeSmtpServer remote(String rcptReply) {
        FakeSmtpServer remote = FakeSmtpServer.start("remote");
        remote.rcptReply = (address, attempt) -> rcptReply;
        remote.dataReply = recipients -> "250 2.0.0 Ok: queued as REMOTE1";
        return remote;
    }
}
