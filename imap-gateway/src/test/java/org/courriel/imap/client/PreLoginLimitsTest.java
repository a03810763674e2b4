package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Before login only small input is read (courriel.imap.pre-auth-max-literal-size, 8 KiB by default): a large
 * literal is refused before its first byte, without a continuation, and the session goes on.
 */
class PreLoginLimitsTest extends ImapTestSupport {

    private ImapClient greeted() throws Exception {
        ImapClient client = new ImapClient(port());
        assertThat(client.readLine()).startsWith("* OK");
        return client;
    }

    /** LOGIN with the user name and password as synchronizing literals (RFC 9051 §7.5 continuations). */
    private List<String> loginWithLiterals(ImapClient client, String tag) throws Exception {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        client.send(tag + " LOGIN {" + name.length + "}");
        assertThat(client.readLine()).startsWith("+ ");
        client.send(user + " {" + PASSWORD.length() + "}");
        assertThat(client.readLine()).startsWith("+ ");
        client.send(PASSWORD);
        return client.readUntilTagged(tag);
    }

    @Test
    void largeSynchronizingLiteralBeforeLoginIsTooBigWithoutContinuation() throws Exception {
        try (ImapClient client = greeted()) {
            client.send("a1 LOGIN {67108864}");
            assertThat(client.readLine()).isEqualTo("a1 BAD [TOOBIG] Literal too big before login");
            assertThat(client.command("a2", "NOOP")).containsExactly("a2 OK NOOP completed");
            assertThat(loginWithLiterals(client, "a3")).last().asString().startsWith("a3 OK");
            // once logged in, the bounds of any command apply: a literal past 8 KiB is read
            client.send("a4 APPEND INBOX {20000}");
            assertThat(client.readLine()).startsWith("+ ");
            client.sendRaw(("Subject: big\r\n\r\n" + "x".repeat(20000 - 18) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            client.send("");
            assertThat(client.readUntilTagged("a4")).last().asString().startsWith("a4 OK");
        }
    }

    @Test
    void manyParallelLargeLiteralsBeforeLoginAreAllRefusedAtOnce() throws Exception {
        int clients = 16;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<String> attempt = () -> {
                    try (ImapClient client = greeted()) {
                        client.send("a1 LOGIN {67108864}");
                        String answer = client.readLine();
                        assertThat(client.command("a2", "NOOP")).containsExactly("a2 OK NOOP completed");
                        return answer;
                    }
                };
                answers.add(pool.submit(attempt));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("a1 BAD [TOOBIG] Literal too big before login");
            }
        }
    }

    @Test
    void largeNonSynchronizingLiteralBeforeLoginIsAnsweredThenTheConnectionEnds() throws Exception {
        try (ImapClient client = greeted()) {
            client.send("a1 LOGIN {67108864+}");
            assertThat(client.readLine()).isEqualTo("a1 BAD [TOOBIG] Literal too big before login");
            assertThat(client.readLine()).startsWith("* BYE");
            assertThat(client.readLine()).isNull();
        }
    }

    @Test
    void longLineBeforeLoginIsTooBigAndTheSessionGoesOn() throws Exception {
        try (ImapClient client = greeted()) {
            client.send("a1 LOGIN " + "x".repeat(9000) + " y");
            assertThat(client.readLine()).isEqualTo("a1 BAD [TOOBIG] Command line too long before login");
            assertThat(loginWithLiterals(client, "a2")).last().asString().startsWith("a2 OK");
            // after login, the line bound is courriel.imap.max-line-length again
            assertThat(client.command("a3", "LIST \"\" \"" + "x".repeat(9000) + "\"")).last().asString()
                    .isEqualTo("a3 OK LIST completed");
        }
    }
}
