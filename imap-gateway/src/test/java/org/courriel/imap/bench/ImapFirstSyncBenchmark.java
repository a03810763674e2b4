package org.courriel.imap.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.imap.ImapTestApplication;
import org.courriel.imap.server.ImapServer;
import org.courriel.imap.testing.ImapClient;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Thunderbird's first sync of a large folder over a real socket ({@code UID FETCH 1:* (UID RFC822.SIZE FLAGS
 * BODY.PEEK[HEADER.FIELDS (...)])}), then the heap that many IDLE sessions take. Prints figures; not a test.
 * <p>
 * Run: {@code java -cp <test class path> org.courriel.imap.bench.ImapFirstSyncBenchmark [messages] [idleSessions] [jdbcUrl]}
 */
public final class ImapFirstSyncBenchmark {

    private static final String FIRST_SYNC = "UID FETCH 1:* (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc"
            + " Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To Received)])";

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int idle = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        String url = args.length > 2 ? args[2]
                : "jdbc:h2:file:" + Files.createTempDirectory("courriel-imap-bench").resolve("store").toAbsolutePath();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImapTestApplication.class)
                .run("--spring.datasource.url=" + url, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--courriel.imap.max-connections-per-ip=" + (idle + 10))) {
            context.getBean(DomainService.class).add("bench.example.org");
            String user = "bench@bench.example.org";
            AccountInfo account = context.getBean(AccountService.class).create(user, "bench password", null, 0);
            long inbox = context.getBean(MailboxService.class).get(account.id(), "INBOX").id();
            MessageService messages = context.getBean(MessageService.class);
            fill(messages, inbox, count);
            int port = context.getBean(ImapServer.class).port();
            String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0bench password").getBytes(StandardCharsets.UTF_8));

            try (ImapClient client = new ImapClient(port)) {
                client.readLine();
                client.command("a1", "AUTHENTICATE PLAIN " + plain);
                client.command("a2", "SELECT INBOX");
                long start = System.nanoTime();
                List<String> lines = client.command("a3", FIRST_SYNC);
                double seconds = (System.nanoTime() - start) / 1e9;
                long fetches = lines.stream().filter(l -> l.startsWith("* ")).count();
                System.out.printf("first sync: %d messages' headers in %.2f s: %.0f msg/s (last line: %s)%n",
                        fetches, seconds, fetches / seconds, lines.get(lines.size() - 1));
                start = System.nanoTime();
                lines = client.command("a4", "UID FETCH 1:* (FLAGS)");
                seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("flags resync: %d messages in %.2f s%n", lines.size() - 1, seconds);
            }

            Runtime rt = Runtime.getRuntime();
            long before = usedHeap(rt);
            List<ImapClient> idlers = new ArrayList<>();
            for (int i = 0; i < idle; i++) {
                ImapClient c = new ImapClient(port);
                c.readLine();
                c.command("i1", "AUTHENTICATE PLAIN " + plain);
                c.command("i2", "SELECT INBOX");
                c.send("i3 IDLE");
                c.readLine();
                idlers.add(c);
            }
            long after = usedHeap(rt);
            System.out.printf("%d IDLE sessions on a %d-message INBOX: %.1f MiB of heap, %.1f KiB each%n", idle, count,
                    (after - before) / 1048576.0, (after - before) / 1024.0 / Math.max(1, idle));
            for (ImapClient c : idlers) {
                c.close();
            }
        }
    }

    private static void fill(MessageService messages, long inbox, int count) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < 32; t++) {
            threads.add(Thread.ofVirtual().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    String m = "From: Sender " + i + " <s" + i + "@example.com>\r\nTo: bench@bench.example.org\r\n"
                            + "Subject: message " + i + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + i
                            + "@example.com>\r\nContent-Type: text/plain\r\n\r\n" + "body text ".repeat(300) + "\r\n";
                    messages.deliver(m.getBytes(StandardCharsets.US_ASCII), List.of(inbox), Instant.now());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("filled %d messages in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    private static long usedHeap(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
