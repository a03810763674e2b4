package org.courriel.deploy.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.courriel.deploy.backup.BackupManifest;
import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.testing.OfflineAdmin;
import org.courriel.deploy.testing.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * {@code courriel backup} while SMTP sessions keep delivering to the packaged server, then {@code courriel
 * restore} into a fresh data directory and a server started on it: every message acknowledged (250 after DATA)
 * before the backup began is there, byte for byte and once; anything else there is a message that was sent,
 * intact (one acknowledged during the copy may or may not be in it).
 */
class BackupUnderLoadTest {

    private static final int SMTP_SESSIONS = 3;

    record Result(int exit, String out, String err) {
    }

    @Test
    void aBackupTakenUnderSmtpLoadRestoresEveryMessageAcknowledgedBeforeIt() throws Exception {
        Files.createDirectories(Path.of("target/backup"));
        Path root = Files.createTempDirectory(Path.of("target/backup").toAbsolutePath(), "load-");
        Path data = root.resolve("data");
        Path backup = root.resolve("backup");
        OfflineAdmin.run(data, List.of(), "domain", "add", "crash.test");
        OfflineAdmin.run(data, List.of(), "user", "add", CrashCampaignTest.USER, "--password",
                CrashCampaignTest.PASSWORD);

        Ledger ledger = new Ledger();
        Map<String, LoadMessage> acknowledgedBefore;
        try (ServerProcess server = CrashCampaignTest.server(data, List.of())) {
            ledger.killAfter(40); // here: the moment of the backup
            ExecutorService clients = Executors.newFixedThreadPool(SMTP_SESSIONS);
            List<Future<?>> sessions = new ArrayList<>();
            Random random = new Random(42);
            try {
                for (int i = 0; i < SMTP_SESSIONS; i++) {
                    sessions.add(clients.submit(new SmtpLoad(server.smtpPort, "smtp" + i, random.nextLong(), ledger)));
                }
                assertThat(ledger.awaitKillMoment(120)).as("the server takes load").isTrue();
                acknowledgedBefore = Map.copyOf(ledger.acknowledged);
                Result taken = courriel("backup", backup.toString(), "--courriel.data-dir=" + data);
                assertThat(taken.exit()).as(taken.err()).isZero();
                assertThat(taken.out()).startsWith("backup of ").contains(backup.toString());
                ledger.killAfter(5);
                assertThat(ledger.awaitKillMoment(120)).as("the load goes on after the backup").isTrue();

                Result whileRunning = courriel("restore", backup.toString(), "--courriel.data-dir=" + data);
                assertThat(whileRunning.exit()).isEqualTo(ExitCode.REFUSED.code);
                assertThat(whileRunning.err()).startsWith("error: a server is running on the data directory " + data);

                Result status = courriel("status", "--courriel.data-dir=" + data);
                assertThat(status.out()).containsPattern("backup:      last \\S+ to " + java.util.regex.Pattern.quote(
                        backup.toString()) + "\n");
            } finally {
                clients.shutdownNow();
            }
            for (Future<?> session : sessions) {
                session.get(60, TimeUnit.SECONDS); // a refusal during the backup fails here
            }
        }
        assertThat(Files.readString(data.resolveSibling("data.log")))
                .as("the running server took the backup, over its admin socket").contains(": backup");
        BackupManifest manifest = BackupManifest.read(backup.resolve("manifest.properties"));
        assertThat(manifest.storeIncluded()).isTrue();
        assertThat(manifest.messages()).isGreaterThanOrEqualTo(acknowledgedBefore.size());
        assertThat(manifest.schemaVersion()).isNotBlank();

        Path restored = root.resolve("restored");
        Result restore = courriel("restore", backup.toString(), "--courriel.data-dir=" + restored);
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("restored the backup of " + manifest.takenAt());
        assertThat(restored.resolve("tls/self-signed-key.pem")).hasSameBinaryContentAs(data.resolve("tls/self-signed-key.pem"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("tls/self-signed-key.pem"))))
                .isEqualTo("rw-------");

        try (ServerProcess server = CrashCampaignTest.server(restored, List.of())) {
            Map<String, Integer> copies = new HashMap<>();
            for (byte[] stored : MailboxReader.inbox(server.imapPort)) {
                String id = LoadMessage.idIn(stored);
                LoadMessage m = ledger.sent.get(id);
                assertThat(m).as("restored message %s was sent", id).isNotNull();
                assertThat(m.isSuffixOf(stored)).as("message %s is restored byte for byte", id).isTrue();
                copies.merge(id, 1, Integer::sum);
            }
            assertThat(copies).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1));
            assertThat(copies.keySet()).as("every message acknowledged before the backup is restored")
                    .containsAll(acknowledgedBefore.keySet());
            System.out.printf("backup under load: %d acknowledged before, %d restored, %d acknowledged in all%n",
                    acknowledgedBefore.size(), copies.size(), ledger.acknowledged.size());
        }
    }

    private static Result courriel(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(AdminCommandLine.parse(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
