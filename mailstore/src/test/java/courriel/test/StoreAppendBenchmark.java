package courriel.test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durable deliveries per second into a file database from many concurrent sessions: the group committer's
 * throughput without any protocol in front. Prints figures; not a test.
 * <p>
 * Run: {@code java -cp <test class path> courriel.test.StoreAppendBenchmark [sessions] [messagesPerSession] [jdbcUrl]}
 */
public final class StoreAppendBenchmark {

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perSession = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String url = args.length > 2 ? args[2]
                : "jdbc:h2:file:" + Files.createTempDirectory("courriel-bench").resolve("store").toAbsolutePath();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoreTestApplication.class)
                .run("--spring.datasource.url=" + url, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--spring.datasource.hikari.maximum-pool-size=20")) {
            context.getBean(DomainService.class).add("bench.example.org");
            List<Long> inboxes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                AccountInfo a = context.getBean(AccountService.class).create("u" + i + "@bench.example.org", "bench password", null, 0);
                inboxes.add(context.getBean(MailboxService.class).get(a.id(), "INBOX").id());
            }
            MessageService messages = context.getBean(MessageService.class);
            byte[] body = ("From: a@b.example\r\nTo: u@bench.example.org\r\nSubject: bench\r\n\r\n" + "x".repeat(3000) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            AtomicLong done = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int session = s;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < perSession; i++) {
                        byte[] m = (new String(body, StandardCharsets.US_ASCII) + session + "-" + i).getBytes(StandardCharsets.US_ASCII);
                        messages.deliver(m, List.of(inboxes.get((session + i) % inboxes.size())), Instant.now());
                        done.incrementAndGet();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("store ingest: %d sessions x %d messages = %d durable deliveries in %.2f s: %.0f msg/s (%s)%n",
                    sessions, perSession, done.get(), seconds, done.get() / seconds, url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL");
            var meters = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            var batches = meters.get("courriel.store.commit.batch").summary();
            var commit = meters.get("courriel.store.commit").timer();
            var sync = meters.get("courriel.store.sync").timer();
            System.out.printf("group commit: %d batches, mean %.1f units, max %.0f; commit+sync mean %.2f ms, sync mean %.2f ms%n",
                    batches.count(), batches.mean(), batches.max(), commit.mean(java.util.concurrent.TimeUnit.MILLISECONDS),
                    sync.mean(java.util.concurrent.TimeUnit.MILLISECONDS));
        }
    }
}
