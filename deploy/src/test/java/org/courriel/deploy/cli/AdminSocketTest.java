package org.courriel.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.courriel.deploy.testing.ServerProcess;
import org.courriel.deploy.cli.LaunchedCli.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The command line as an admin runs it next to a running server: each command a process, carried out by the
 * server over its admin socket, with the documented exit codes; once the server is gone, on its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminSocketTest {

    private static Path dir;
    private static Path data;
    private static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("cli");
        data = dir.resolve("data");
        server = ServerProcess.start(data, "cli.test", List.of());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Result courriel(String stdin, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "--courriel.data-dir=" + data;
        System.arraycopy(args, 0, all, 1, args.length);
        return LaunchedCli.command(dir, stdin, all);
    }

    @Test
    @Order(1)
    void theSocketIsTheServerUsersOnly() throws Exception {
        Path socket = data.resolve("admin/admin.sock");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
    }

    @Test
    @Order(2)
    void runningServerCarriesTheCommandsOut() throws Exception {
        Result added = courriel("", "domain", "add", "example.org");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("domain example.org added\n");
        assertThat(server.log()).contains("Admin command from ").contains(": domain add");

        Result user = courriel("a long secret\n", "user", "add", "bob@example.org", "--quota", "2GB");
        assertThat(user.exit()).as(user.err()).isZero();
        Result list = courriel("", "user", "list", "--json");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("\"address\" : \"bob@example.org\"").contains("\"quotaBytes\" : 2147483648");
        assertThat(server.log()).doesNotContain("a long secret");
    }

    @Test
    @Order(3)
    void quickstartSetsADomainUpOnceAndPrintsTheClientSettings() throws Exception {
        Result first = courriel("", "quickstart", "admin@quick.example");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("domain quick.example added")
                .containsPattern("user admin@quick.example added \\(administrator\\), password: [A-Za-z2-9]{20}\n")
                .contains("IMAP       cli.test port 993, TLS").contains("SUBMISSION cli.test port 587, STARTTLS")
                .contains("Next steps:");
        Result again = courriel("", "quickstart", "admin@quick.example");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("domain quick.example exists already")
                .contains("user admin@quick.example exists already; its password is unchanged")
                .doesNotContain("password:");
        Result show = courriel("", "user", "show", "admin@quick.example");
        assertThat(show.out()).contains("(admin)");
    }

    @Test
    @Order(4)
    void statusShowsListenersCertificateQueueAndStore() throws Exception {
        Result status = courriel("", "status");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("server:      running")
                .contains("imap " + server.imapPort).contains("mx " + server.smtpPort)
                .containsPattern("certificate: expires \\S+ \\(in \\d+ days\\)")
                .contains("queue:       0 recipients waiting").contains("store:       2 accounts");
        Result json = courriel("", "status", "--json");
        assertThat(json.out()).contains("\"serverRunning\" : true").contains("\"accounts\" : 2");
    }

    @Test
    @Order(5)
    void exitCodesSayWhatWentWrong() throws Exception {
        Result duplicate = courriel("", "domain", "add", "example.org");
        assertThat(duplicate.exit()).isEqualTo(ExitCode.REFUSED.code);
        assertThat(duplicate.err()).isEqualTo("error: domain example.org exists already\n");

        Result noSuchEntry = courriel("", "queue", "retry", "4711");
        assertThat(noSuchEntry.exit()).isEqualTo(ExitCode.REFUSED.code);
        assertThat(noSuchEntry.err()).contains("queue entry 4711 does not exist");

        Result usage = courriel("", "user", "frobnicate", "x");
        assertThat(usage.exit()).isEqualTo(ExitCode.USAGE.code);
        assertThat(usage.err()).startsWith("unknown command: user frobnicate").contains("usage: courriel");

        Result noPassword = courriel("", "user", "add", "carol@example.org");
        assertThat(noPassword.exit()).isEqualTo(ExitCode.USAGE.code);
        assertThat(noPassword.err()).contains("no password given");
    }

    @Test
    @Order(5)
    void theServerImportsAndExportsTheFilesTheAdminNamedRelatively() throws Exception {
        Files.writeString(dir.resolve("old.mbox"), """
                From someone@example.net Thu Jan 11 09:05:00 2024
                Subject: from the old server
                Status: RO

                >From the archive

                """);
        Result imported = courriel("", "import", "bob@example.org", "old.mbox");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).endsWith("bob@example.org: 1 messages in 1 folders imported (mbox, "
                + dir.resolve("old.mbox") + ")\n");
        assertThat(server.log()).contains(": import bob@example.org");
        Result exported = courriel("", "export", "bob@example.org", "out", "--format", "mbox");
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(dir.resolve("out/old.mbox")).content().isEqualTo("""
                From MAILER-DAEMON Thu Jan 11 09:05:00 2024
                Status: RO
                Subject: from the old server

                >From the archive

                """);
    }

    @Test
    @Order(6)
    void anUnreachableDatabaseIsOneLine() throws Exception {
        int closed = ServerProcess.freePort();
        Result r = courriel("", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/courriel", "user", "list");
        assertThat(r.exit()).isEqualTo(ExitCode.UNAVAILABLE.code);
        assertThat(r.err().lines()).singleElement().asString().startsWith("courriel: cannot open the database: ");
    }

    @Test
    @Order(7)
    void withTheServerGoneTheCommandOpensTheDatabaseItself() throws Exception {
        server.kill();
        assertThat(data.resolve("admin/admin.sock")).exists(); // left behind by SIGKILL
        Result list = courriel("", "domain", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo("example.org\nquick.example\n");
        Result status = courriel("", "status");
        assertThat(status.out()).contains("server:      not running").contains("store:       2 accounts");
    }
}
