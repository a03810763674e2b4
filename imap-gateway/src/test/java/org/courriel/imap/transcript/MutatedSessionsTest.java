package org.courriel.imap.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.testing.SessionMutator;
import org.courriel.store.testing.SessionPlayer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Protocol-level fuzzing: the recorded client sessions (Thunderbird 153, every transcript) mutated from a
 * fixed seed and sent to the running gateway. Every session must be answered to its end within a deadline
 * (each command answered or the connection closed), the server must log no error (the base class checks),
 * and afterwards a fresh connection still logs in and selects INBOX.
 * <p>
 * Literals are bounded at 4 KB here, and every session ends with more than 4 KB of padding, a DONE and a
 * LOGOUT: a mutation that leaves the server waiting for a literal's bytes or for the end of IDLE is then
 * completed by the client, so only the server can be the cause of a missing answer.
 */
@TestPropertySource(properties = {"courriel.imap.max-literal-size=4KB", "courriel.auth.max-failures-per-ip=1000000",
        "courriel.auth.max-failures-per-account=1000000"})
class MutatedSessionsTest extends ImapTestSupport {

    private static final long SEED = 20261202;
    private static final int SESSIONS = 200;
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static final List<String> TOKENS = List.of("*", "1:*", "0", "4294967295", "4294967296",
            "18446744073709551616", "-1", "{0}", "{5}", "{4097}", "{3+}", "{99999999999}", "~{2}", "NIL", "\"\"",
            "\"", "\\", "(", ")", "()", "[", "]", "<0.4294967295>", "BODY[", "BODY.PEEK[1.2.3.MIME]",
            "BINARY[0]", "HEADER.FIELDS ()", "UID", "MODSEQ", "CHANGEDSINCE 0", "UNCHANGEDSINCE 0", "RETURN (",
            "CHARSET", "OR", "NOT", "ALL", "INBOX", "Trash", "&", "&Jjo-", "&-", "&AGE", "Caf\u00c3\u00a9", "%",
            "\u00ff\u00fe", "\\Seen", "+FLAGS", "-FLAGS.SILENT", "\\Recent", "DONE", "IDLE", "LOGOUT",
            "AUTHENTICATE PLAIN", "=", "SELECT INBOX", "EXPUNGE", "APPEND INBOX {3+}", "UTF8=ACCEPT");

    @Test
    void mutatedRecordedSessionsAreAnsweredAndLeaveTheServerServing() throws Exception {
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<List<String>> sessions = recordedSessions(Map.of("user", user, "password", PASSWORD, "plain", plain,
                "modseq", "1", "uidvalidity", "1"), plain);
        for (String name : List.of("Archive", "Trash", "Projects/2026", "Work")) {
            if (mailboxes.find(account.id(), name).isEmpty()) {
                mailboxes.create(account.id(), name, null);
            }
        }
        for (int i = 1; i <= 5; i++) {
            deliver("INBOX", "message " + i);
        }
        SessionMutator mutator = new SessionMutator(SEED, TOKENS);
        int selected = 0;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            SessionPlayer player = new SessionPlayer(senders, DEADLINE);
            for (int n = 0; n < SESSIONS; n++) {
                List<String> lines = mutator.mutate(sessions.get(n % sessions.size()), sessions);
                String answers;
                try (Socket socket = new Socket("127.0.0.1", port())) {
                    // past the 4 KB literal bound, then the end of an IDLE, then LOGOUT
                    answers = player.play(socket, "session " + n, lines, "x".repeat(4200) + "\r\nDONE\r\nzz9 LOGOUT\r\n",
                            "zz9 ");
                }
                selected += answers.contains(" OK [READ-WRITE]") ? 1 : 0;
            }
        }
        // the mutations must leave most sessions deep enough to mean something: logged in, a mailbox selected
        assertThat(selected).as("sessions that selected a mailbox").isGreaterThan(SESSIONS / 4);
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            assertThat(client.command("z1", "LOGIN " + user + " \"" + PASSWORD + "\"").getLast()).startsWith("z1 OK");
            assertThat(client.command("z2", "SELECT INBOX").getLast()).startsWith("z2 OK");
        }
    }

    /** The client lines of every transcript session and of the Thunderbird recording, variables filled in. */
    private static List<List<String>> recordedSessions(Map<String, String> vars, String plain) throws IOException {
        Pattern client = Pattern.compile("^(?:\\[(\\w+)\\] )?C: ?(.*)$");
        Pattern variable = Pattern.compile("\\$\\{(\\w+)\\}");
        List<List<String>> sessions = new ArrayList<>();
        for (String transcript : List.of("condstore-qresync", "idle-updates", "mailbox-commands", "mbsync-mutt",
                "message-commands", "overflow-resync", "rfc9051-sample", "thunderbird-first-sync",
                "two-sessions-expunge")) {
            Map<String, List<String>> byName = new LinkedHashMap<>();
            for (String line : resource("/transcripts/" + transcript + ".txt")) {
                Matcher m = client.matcher(line);
                if (m.matches()) {
                    Matcher v = variable.matcher(m.group(2));
                    String text = v.replaceAll(r -> Matcher.quoteReplacement(vars.get(r.group(1))));
                    byName.computeIfAbsent(m.group(1) == null ? "main" : m.group(1), k -> new ArrayList<>()).add(text);
                }
            }
            sessions.addAll(byName.values());
        }
        // "conn C line"; the recording leaves out the credentials after AUTHENTICATE PLAIN
        Map<String, List<String>> byConnection = new LinkedHashMap<>();
        for (String line : resource("/sessions/thunderbird-153-imap.txt")) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3 && parts[1].equals("C")) {
                List<String> session = byConnection.computeIfAbsent(parts[0], k -> new ArrayList<>());
                session.add(parts[2]);
                if (parts[2].endsWith("AUTHENTICATE PLAIN")) {
                    session.add(plain);
                }
            }
        }
        sessions.addAll(byConnection.values());
        return sessions;
    }

    private static List<String> resource(String path) throws IOException {
        try (InputStream in = MutatedSessionsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
        }
    }
}
