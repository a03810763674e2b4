package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.courriel.CourrielApplication;
import org.courriel.deploy.testing.LineConnection;
import org.courriel.imap.server.ImapServer;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The data directory on a real, small disk (a 64 MB tmpfs the test mounts) that a filler file makes nearly
 * full: the free-space guard sees it through the file system, new mail is refused as temporary (452 4.3.1),
 * and once the filler is gone mail is accepted again and the store holds exactly the acknowledged messages.
 * {@link DiskFullTest} covers every protocol's refusal by moving the threshold; this one proves the guard reads
 * the real disk. Mounting needs root (as CI has); elsewhere the test is skipped with that reason.
 */
@Timeout(120)
class RealDiskFullTest {

    private static final String ADDRESS = "dora@disk.example.org";
    private static final String PASSWORD = "dora's password";

    private Path mount;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        mount = Path.of("target/test-data/tmpfs-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(mount);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "cannot mount a tmpfs here: " + out);
        app = new SpringApplicationBuilder(CourrielApplication.class).run("--courriel.data-dir=" + mount,
                "--server.port=0", "--management.server.port=0", "--courriel.mx.port=0",
                "--courriel.submission.port=0", "--courriel.submissions.port=0", "--courriel.imap.port=0",
                "--courriel.imaps.port=0", "--courriel.managesieve.port=-1", "--courriel.imap.allow-plaintext-loopback=true",
                "--courriel.store.min-free-space=16MB", "--spring.main.banner-mode=off");
    }

    @AfterEach
    void unmount() throws Exception {
        if (app != null) {
            app.close();
        }
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void mailIsRefusedWhileTheRealDiskIsNearlyFullAndAcceptedOnceThereIsRoom() throws Exception {
        app.getBean(DomainService.class).add("disk.example.org");
        app.getBean(AccountService.class).create(ADDRESS, PASSWORD, "Dora", 0);
        assertThat(deliver("<before@disk.test>")).startsWith("250 ");

        Path filler = mount.resolve("filler");
        fill(filler, Files.getFileStore(mount).getUsableSpace() - 8 * 1024 * 1024); // 8 MB left, below 16 MB
        List<String> replies = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String reply;
        do { // the guard reads the disk at most once a second
            reply = deliver("<while-full-" + replies.size() + "@disk.test>");
            replies.add(reply);
        } while (reply.startsWith("250 ") && System.nanoTime() < deadline);
        assertThat(reply).startsWith("452 4.3.1 ");

        Files.delete(filler);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String after;
        do {
            after = deliver("<after@disk.test>");
        } while (!after.startsWith("250 ") && System.nanoTime() < deadline);
        assertThat(after).startsWith("250 ");

        try (LineConnection c = new LineConnection(app.getBean(ImapServer.class).port())) {
            c.expect("* OK");
            assertThat(c.tagged("l", "LOGIN " + ADDRESS + " \"" + PASSWORD + "\"")).contains(" OK ");
            assertThat(c.tagged("s", "SELECT INBOX")).contains(" OK ");
            Map<String, Integer> ids = c.messageIds();
            assertThat(ids).containsEntry("<before@disk.test>", 1).containsEntry("<after@disk.test>", 1);
            for (int i = 0; i < replies.size(); i++) {
                // exactly the acknowledged ones are there, once each
                assertThat(ids.getOrDefault("<while-full-" + i + "@disk.test>", 0))
                        .isEqualTo(replies.get(i).startsWith("250 ") ? 1 : 0);
            }
        }
    }

    private String deliver(String messageId) throws IOException {
        try (LineConnection c = new LineConnection(app.getBean(SmtpServers.class).port(ListenerKind.MX))) {
            c.expect("220");
            c.reply("EHLO client.example.net");
            return c.smtpTransaction("sender@elsewhere.example.net", ADDRESS, messageId);
        }
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }
}
