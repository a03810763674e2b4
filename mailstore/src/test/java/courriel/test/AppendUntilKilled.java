package courriel.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A process that appends messages from several threads to a file database until it is killed, printing
 * {@code ACK uid sha256} for each append once the store has returned (the moment a protocol would reply
 * "accepted"). Run by {@code AcceptedMessagesSurviveKillTest}.
 */
public final class AppendUntilKilled {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StoreTestApplication.class)
                .run("--spring.datasource.url=" + url, "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        context.getBean(DomainService.class).add("kill.example.org");
        AccountInfo account = context.getBean(AccountService.class).create("k@kill.example.org", "kill password", null, 0);
        long inbox = context.getBean(MailboxService.class).get(account.id(), "INBOX").id();
        MessageService messages = context.getBean(MessageService.class);
        AtomicInteger counter = new AtomicInteger();
        System.out.println("READY");
        System.out.flush();
        for (int t = 0; t < 4; t++) {
            Thread.ofPlatform().start(() -> {
                while (true) {
                    int n = counter.incrementAndGet();
                    byte[] message = ("Subject: message " + n + "\r\nMessage-ID: <" + n + "@kill>\r\n\r\nbody " + n + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    long uid = messages.append(inbox, message, Flags.NONE, Instant.now()).uid();
                    String sha = sha256(message);
                    synchronized (System.out) {
                        System.out.println("ACK " + uid + " " + sha);
                        System.out.flush();
                    }
                }
            });
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
