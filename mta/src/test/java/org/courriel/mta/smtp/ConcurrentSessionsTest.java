package org.courriel.mta.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.mta.smtp.testing.SmtpClient;
import org.junit.jupiter.api.Test;

/** Many clients at once: every accepted message is stored exactly once, byte for byte after the trace fields. */
class ConcurrentSessionsTest extends SmtpServerTestSupport {

    static final int SESSIONS = 50;
    static final int MESSAGES = 20;
    private static final Pattern TRACE = Pattern.compile(
            "Return-Path: <sender\\d+@crepes\\.fr>\r\nReceived: from s\\d+\\.crepes\\.fr \\(\\[127\\.0\\.0\\.1\\]\\)\r\n"
                    + "\tby mx\\.hamburger\\.edu \\(Courriel\\) with ESMTP id \\w+\r\n\tfor <many@hamburger\\.edu>;\r\n"
                    + "\t[^\r\n]+\r\n");

    static String message(int session, int n) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= n; i++) {
            body.append("line ").append(i).append(" of message ").append(n).append(" in session ").append(session).append("\r\n");
        }
        return "Message-ID: <" + session + "." + n + "@crepes.fr>\r\nSubject: " + session + "/" + n + "\r\n\r\n"
                + body + ".leading dot\r\n";
    }

    @Test
    void fiftySessionsOfTwentyMessagesEachAreStoredExactlyOnce() throws Exception {
        account("many@hamburger.edu", 0);
        int before = inboxSize("many@hamburger.edu");
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < SESSIONS; s++) {
                int session = s;
                results.add(pool.submit(() -> send(session)));
            }
        }
        for (Future<Integer> r : results) {
            assertThat(r.get()).isEqualTo(MESSAGES);
        }
        List<byte[]> inbox = inbox("many@hamburger.edu");
        assertThat(inbox).hasSize(before + SESSIONS * MESSAGES);
        Map<String, Integer> seen = new HashMap<>();
        for (byte[] content : inbox.subList(before, inbox.size())) {
            String stored = new String(content, StandardCharsets.UTF_8);
            Matcher trace = TRACE.matcher(stored);
            assertThat(trace.lookingAt()).as(stored).isTrue();
            String original = stored.substring(trace.end());
            Matcher id = Pattern.compile("Message-ID: <(\\d+)\\.(\\d+)@").matcher(original);
            assertThat(id.lookingAt()).isTrue();
            int session = Integer.parseInt(id.group(1));
            int n = Integer.parseInt(id.group(2));
            assertThat(original).isEqualTo(message(session, n));
            seen.merge(session + "/" + n, 1, Integer::sum);
        }
        assertThat(seen).hasSize(SESSIONS * MESSAGES).allSatisfy((k, count) -> assertThat(count).isOne());
    }

    /** One session sending its messages, each as one pipelined write; returns how many got 250. */
    private int send(int session) throws Exception {
        int accepted = 0;
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220");
            c.send("EHLO s" + session + ".crepes.fr").reply();
            for (int n = 0; n < MESSAGES; n++) {
                String content = message(session, n).replace("\r\n.", "\r\n..");
                c.raw("MAIL FROM:<sender" + session + "@crepes.fr>\r\nRCPT TO:<many@hamburger.edu>\r\nDATA\r\n");
                c.expect("250 2.1.0");
                c.expect("250 2.1.5");
                c.expect("354");
                c.raw(content + ".\r\n");
                if (c.reply().getLast().startsWith("250 2.0.0")) {
                    accepted++;
                }
            }
            c.send("QUIT").expect("221");
        }
        return accepted;
    }
}
