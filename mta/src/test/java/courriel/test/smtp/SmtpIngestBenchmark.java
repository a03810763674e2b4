package courriel.test.smtp;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Messages per second accepted over SMTP (MX, pipelined MAIL/RCPT/DATA, 250 only once durable) into a file
 * database, from many concurrent client sessions. Prints figures; not a test.
 * <p>
 * Run: {@code java -cp <test class path> courriel.test.smtp.SmtpIngestBenchmark [sessions] [messagesPerSession] [jdbcUrl]}
 */
public final class SmtpIngestBenchmark {

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perSession = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String url = args.length > 2 ? args[2]
                : "jdbc:h2:file:" + Files.createTempDirectory("courriel-bench").resolve("store").toAbsolutePath();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SmtpTestApplication.class)
                .run("--spring.datasource.url=" + url, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--spring.datasource.hikari.maximum-pool-size=20", "--courriel.hostname=mx.bench.example.org",
                        "--courriel.mx.port=0", "--courriel.mx.bind-address=127.0.0.1",
                        "--courriel.mx.max-connections-per-ip=" + (sessions + 10), "--courriel.submission.enabled=false",
                        "--courriel.submissions.enabled=false")) {
            context.getBean(DomainService.class).add("bench.example.org");
            for (int i = 0; i < 10; i++) {
                context.getBean(AccountService.class).create("u" + i + "@bench.example.org", "bench password", null, 0);
            }
            int port = context.getBean(SmtpServers.class).port(ListenerKind.MX);
            String body = "From: a@b.example\r\nTo: u@bench.example.org\r\nSubject: bench\r\n\r\n" + "x".repeat(3000) + "\r\n";
            AtomicLong accepted = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int session = s;
                threads.add(Thread.ofVirtual().start(() -> {
                    try (SmtpClient c = new SmtpClient(port)) {
                        c.reply();
                        c.send("EHLO bench" + session + ".example").reply();
                        for (int i = 0; i < perSession; i++) {
                            c.send("MAIL FROM:<a@b.example>", "RCPT TO:<u" + (session + i) % 10 + "@bench.example.org>", "DATA");
                            c.reply();
                            c.reply();
                            c.reply();
                            c.raw(body + session + "-" + i + "\r\n.\r\n");
                            if (c.reply().getLast().startsWith("250")) {
                                accepted.incrementAndGet();
                            }
                        }
                        c.send("QUIT").reply();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("smtp ingest: %d sessions x %d messages = %d accepted in %.2f s: %.0f msg/s (%s)%n",
                    sessions, perSession, accepted.get(), seconds, accepted.get() / seconds,
                    url.startsWith("jdbc:h2") ? "H2" : "PostgreSQL");
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
