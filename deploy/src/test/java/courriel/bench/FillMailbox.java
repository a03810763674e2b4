package courriel.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.courriel.CourrielApplication;
import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fills one account's INBOX with many varied messages straight through the store (MessageService.deliver from
 * many virtual threads, so the group committer batches them), on the database the Spring arguments name, with
 * no listener running. For bench/run-first-sync.sh; prints figures; not a test.
 * <p>
 * Run (bench/run-first-sync.sh does): {@code java -Dloader.path=deploy/target/test-classes
 * -Dloader.main=courriel.bench.FillMailbox -cp deploy/target/courriel.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher ADDRESS COUNT --courriel.data-dir=DIR}
 * <p>
 * {@code -Dbench.first=N} numbers the messages from N (a second fill that adds new messages rather than copies
 * of the first's); {@code -Dbench.attachment-kb=K} gives every tenth message an attachment of K KiB of random
 * bytes in base64 (as compressed files are: photos, PDFs, archives) instead of a few repeated lines, for
 * bench/run-storage.sh's less compressible mail.
 */
public final class FillMailbox {

    private static final int THREADS = 256;
    private static final int FIRST = Integer.getInteger("bench.first", 0);
    private static final int ATTACHMENT_KB = Integer.getInteger("bench.attachment-kb", 0);
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public static void main(String[] args) {
        String address = args[0];
        int count = Integer.parseInt(args[1]);
        String[] spring = java.util.Arrays.copyOfRange(args, 2, args.length);
        SpringApplication app = new SpringApplication(CourrielApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("courriel.listeners.enabled", "false", "courriel.queue.workers", "false",
                "spring.main.banner-mode", "off", "logging.level.root", "WARN",
                "spring.datasource.hikari.maximum-pool-size", "20"));
        try (ConfigurableApplicationContext context = app.run(spring)) {
            long inbox = inbox(context, address);
            MessageService messages = context.getBean(MessageService.class);
            AtomicInteger next = new AtomicInteger();
            AtomicLong bytes = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int i = FIRST + next.getAndIncrement(); i < FIRST + count; i = FIRST + next.getAndIncrement()) {
                        Instant date = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 600L);
                        byte[] message = message(i, address, date);
                        bytes.addAndGet(message.length);
                        messages.deliver(message, List.of(inbox), date);
                    }
                }));
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("filled %s INBOX with %d messages in %.1f s (%.0f messages/s), %d bytes of mail%n", address,
                    count, seconds, count / seconds, bytes.get());
        }
    }

    private static long inbox(ConfigurableApplicationContext context, String address) {
        String domain = address.substring(address.indexOf('@') + 1);
        try {
            context.getBean(DomainService.class).add(domain);
        } catch (StoreException alreadyThere) {
            // a second fill of the same data directory
        }
        AccountInfo account;
        try {
            account = context.getBean(AccountService.class).create(address, "bench password", null, 0);
        } catch (StoreException alreadyThere) {
            account = context.getBean(AccountService.class).find(address).orElseThrow();
        }
        return context.getBean(MailboxService.class).get(account.id(), "INBOX").id();
    }

    /** A plausible mailing-list message of 1.5 to 6 KB: threads, several recipients, a few multiparts. */
    static byte[] message(int i, String to, Instant date) {
        StringBuilder m = new StringBuilder(6144);
        int thread = i / 7;
        m.append("Received: from mx").append(i % 13).append(".sender.bench.invalid (mx").append(i % 13)
                .append(".sender.bench.invalid [192.0.2.").append(i % 250 + 1).append("])\r\n\tby mx.bench.invalid; ")
                .append(DATE.format(date)).append("\r\n");
        m.append("Message-ID: <").append(i).append(".bench@sender").append(i % 13).append(".bench.invalid>\r\n");
        m.append("Date: ").append(DATE.format(date)).append("\r\n");
        m.append("From: Sender ").append(i % 97).append(" <sender").append(i % 97).append("@sender")
                .append(i % 13).append(".bench.invalid>\r\n");
        m.append("To: ").append(to).append(", list").append(i % 5).append("@lists.bench.invalid\r\n");
        if (i % 3 == 0) {
            m.append("Cc: Someone Else <cc").append(i % 31).append("@cc.bench.invalid>\r\n");
        }
        m.append("Subject: ").append(i % 7 == 0 ? "" : "Re: ").append("Discussion thread ").append(thread)
                .append(" about =?UTF-8?Q?caf=C3=A9?= and benchmarks\r\n");
        if (i % 7 != 0) {
            m.append("In-Reply-To: <").append(i - 1).append(".bench@sender").append((i - 1) % 13).append(".bench.invalid>\r\n");
            m.append("References: <").append(thread * 7).append(".bench@sender").append(thread * 7 % 13)
                    .append(".bench.invalid>\r\n");
        }
        m.append("MIME-Version: 1.0\r\n");
        int lines = 20 + (i * 37) % 70;
        if (i % 10 == 0) {
            m.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n");
            m.append("--b").append(i).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
            body(m, i, lines);
            m.append("--b").append(i).append("\r\nContent-Type: application/octet-stream; name=\"data.bin\"\r\n")
                    .append("Content-Disposition: attachment; filename=\"data.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            if (ATTACHMENT_KB > 0) {
                byte[] random = new byte[ATTACHMENT_KB * 1024];
                new Random(i).nextBytes(random);
                m.append(Base64.getMimeEncoder().encodeToString(random)).append("\r\n");
            } else {
                for (int l = 0; l < 10; l++) {
                    m.append("QmVuY2htYXJrIGF0dGFjaG1lbnQgZGF0YSwgbm90IHJlYWwgYnV0IGZhaXJseSBzaXplZCBmb3IgaXQ=\r\n");
                }
            }
            m.append("--b").append(i).append("--\r\n");
        } else {
            m.append("Content-Type: text/plain; charset=utf-8\r\n\r\n");
            body(m, i, lines);
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void body(StringBuilder m, int i, int lines) {
        for (int l = 0; l < lines; l++) {
            m.append("Message ").append(i).append(", line ").append(l)
                    .append(": some words of a reply that quotes and answers the previous message.\r\n");
        }
    }
}
