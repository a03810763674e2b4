package org.courriel.deploy.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.courriel.deploy.testing.OfflineAdmin;
import org.courriel.deploy.testing.ServerProcess;
import org.courriel.store.testing.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

/**
 * The crash campaign: the packaged server in its own process takes SMTP deliveries (10 sessions) and IMAP
 * APPENDs (3 sessions), is killed with SIGKILL at a random moment, and is started again on the same data.
 * Every message it acknowledged (250 after DATA, tagged OK after APPEND) must then be there exactly once and
 * byte for byte; a message it did not acknowledge may be there (intact) or not, never twice.
 * <p>
 * {@code -Dcrash.rounds=N} and {@code -Dcrash.pg-rounds=N} run longer campaigns (bench/README.md);
 * {@code -Dcrash.seed=S} repeats one.
 */
class CrashCampaignTest {

    static final String USER = "crash@crash.test";
    static final String PASSWORD = "crash campaign password";

    private static final int SMTP_SESSIONS = 10;
    private static final int IMAP_SESSIONS = 3;

    @Test
    void acknowledgedMessagesSurviveSigkillOnTheEmbeddedDatabase() throws Exception {
        campaign("h2", List.of(), Integer.getInteger("crash.rounds", 3));
    }

    @Test
    void acknowledgedMessagesSurviveSigkillOnPostgres() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        campaign("postgres", List.of("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=postgres"), Integer.getInteger("crash.pg-rounds", 1));
    }

    private void campaign(String name, List<String> settings, int rounds) throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.printf("crash campaign %s: %d rounds, -Dcrash.seed=%d%n", name, rounds, seed);
        Random random = new Random(seed);
        Files.createDirectories(Path.of("target/crash"));
        Path data = Files.createTempDirectory(Path.of("target/crash").toAbsolutePath(), name + "-");
        OfflineAdmin.run(data, settings, "domain", "add", "crash.test");
        OfflineAdmin.run(data, settings, "user", "add", USER, "--password", PASSWORD);

        Ledger ledger = new Ledger();
        for (int round = 0; round < rounds; round++) {
            try (ServerProcess server = server(data, settings)) {
                check(server, ledger);
                load(server, round, random, ledger);
            }
        }
        try (ServerProcess server = server(data, settings)) {
            check(server, ledger);
        }
        System.out.printf("crash campaign %s: %d rounds, %d messages acknowledged, %d sent%n", name, rounds,
                ledger.acknowledged.size(), ledger.sent.size());
    }

    /** Runs the load and kills the server at a random moment of it. */
    private static void load(ServerProcess server, int round, Random random, Ledger ledger) throws Exception {
        // the moment of the kill: after a random number of acknowledgements, so at any point of the work
        ledger.killAfter(1 + random.nextInt(400));
        ExecutorService clients = Executors.newFixedThreadPool(SMTP_SESSIONS + IMAP_SESSIONS);
        List<Future<?>> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < SMTP_SESSIONS; i++) {
                sessions.add(clients.submit(new SmtpLoad(server.smtpPort, "r" + round + "-smtp" + i, random.nextLong(),
                        ledger)));
            }
            for (int i = 0; i < IMAP_SESSIONS; i++) {
                sessions.add(clients.submit(new ImapAppendLoad(server.imapPort, "r" + round + "-imap" + i,
                        random.nextLong(), ledger)));
            }
            assertThat(ledger.awaitKillMoment(60)).as("the server takes load").isTrue();
            server.kill();
            for (Future<?> session : sessions) {
                session.get(60, TimeUnit.SECONDS); // a refusal (not a dead server) fails here
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Every stored message is one that was sent, intact and once; every acknowledged one is stored. */
    static void check(ServerProcess server, Ledger ledger) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (byte[] stored : MailboxReader.inbox(server.imapPort)) {
            String id = LoadMessage.idIn(stored);
            LoadMessage m = ledger.sent.get(id);
            assertThat(m).as("stored message %s was sent", id).isNotNull();
            assertThat(m.isSuffixOf(stored)).as("message %s is stored byte for byte", id).isTrue();
            if (id.contains("-imap")) {
                assertThat(stored).as("APPEND stores exactly the literal, %s", id).hasSize(m.length());
            }
            copies.merge(id, 1, Integer::sum);
        }
        assertThat(copies).allSatisfy((id, n) -> assertThat(n).as("copies of %s", id).isEqualTo(1));
        assertThat(copies.keySet()).as("every acknowledged message is stored").containsAll(ledger.acknowledged.keySet());
    }

    /** The server as the crash tests run it: the web port on loopback too, no ManageSieve. */
    static ServerProcess server(Path data, List<String> settings) throws Exception {
        List<String> all = new ArrayList<>(List.of("server.address=127.0.0.1", "courriel.managesieve.port=-1"));
        all.addAll(settings);
        return ServerProcess.start(data, "crash.test", all);
    }
}
