package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.junit.jupiter.api.Test;

/** The admin command line, parsed and run against a file database as an operator would. */
class AdminCommandLineTest {

    @Test
    void springArgumentsMayStandAnywhere() {
        AdminCommandLine c = AdminCommandLine.parse(new String[] {"--spring.datasource.url=jdbc:h2:mem:x", "user", "add",
            "bob@example.org", "--password", "pw 123456", "--courriel.data-dir=/tmp/x", "--admin"});
        assertThat(c.noun()).isEqualTo("user");
        assertThat(c.verb()).isEqualTo("add");
        assertThat(c.arguments()).containsExactly("bob@example.org");
        assertThat(c.option("password")).isEqualTo("pw 123456");
        assertThat(c.option("admin")).isEqualTo("true");
        assertThat(c.springArguments()).containsExactly("--spring.datasource.url=jdbc:h2:mem:x", "--courriel.data-dir=/tmp/x");
    }

    @Test
    void noWordsMeansRunTheServer() {
        assertThat(AdminCommandLine.parse(new String[] {"--server.port=9999"})).isNull();
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(AdminCommandLine.parse(new String[] {"frobnicate"}).usageError()).contains("unknown command");
    }

    @Test
    void createsDomainAndUserAndRefusesDuplicatesAndUnknownDomains() throws Exception {
        Path data = Files.createTempDirectory("courriel-cli");
        String db = "--courriel.data-dir=" + data;
        assertThat(run(db, "domain", "add", "example.org").exit).isZero();
        Result user = run("user", "add", "bob@example.org", "--password", "secret password", db);
        assertThat(user.exit).isZero();
        assertThat(user.out).contains("user bob@example.org added");
        Result duplicate = run(db, "user", "add", "bob@example.org", "--password", "secret password");
        assertThat(duplicate.exit).isEqualTo(1);
        assertThat(duplicate.err).contains("exists already");
        Result unknown = run(db, "user", "add", "eve@unknown.org", "--password", "secret password");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("domain unknown.org does not exist");
        Result bad = run(db, "user", "add", "not-an-address", "--password", "secret password");
        assertThat(bad.exit).isEqualTo(1);
        assertThat(run(db, "alias", "add", "postmaster@example.org", "bob@example.org").exit).isZero();
        assertThat(run(db, "user", "list").out).contains("bob@example.org");
        assertThat(run(db, "alias", "list").out).contains("postmaster@example.org -> bob@example.org");
        assertThat(run(db, "user", "quota", "bob@example.org", "10MB").exit).isZero();
        assertThat(run(db, "user", "list").out).contains("quota=10MB");
    }

    @Test
    void deletesAccountsAliasesAndDomainsInTheStoresOwnContext() throws Exception {
        Path data = Files.createTempDirectory("courriel-cli");
        String db = "--courriel.data-dir=" + data;
        assertThat(run(db, "domain", "add", "example.org").exit).isZero();
        assertThat(run(db, "user", "add", "bob@example.org", "--password", "secret password", "--admin").exit).isZero();
        assertThat(run(db, "alias", "add", "@example.org", "bob@example.org").exit).isZero();
        Result refused = run(db, "domain", "delete", "example.org");
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.err).contains("still has accounts or aliases");
        assertThat(run(db, "user", "show", "bob@example.org", "--json").out).contains("\"admin\" : true");
        assertThat(run(db, "user", "delete", "bob@example.org").exit).isZero();
        assertThat(run(db, "alias", "delete", "@example.org").exit).isZero();
        assertThat(run(db, "domain", "delete", "example.org").exit).isZero();
        assertThat(run(db, "domain", "list").out).isEmpty();
    }

    @Test
    void aCommandOnItsOwnDoesNotMigrateADatabaseOlderThanItsJar() throws Exception {
        Path data = Files.createTempDirectory("courriel-cli");
        String db = "--courriel.data-dir=" + data;
        assertThat(run(db, "domain", "add", "example.org").exit).isZero();
        String newest;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("courriel"), "sa", "");
                Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                    + " ORDER BY \"installed_rank\" DESC LIMIT 1");
            rs.next();
            newest = rs.getString(1);
            s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + newest + "'");
        }
        Result behind = run(db, "domain", "list");
        assertThat(behind.exit).isEqualTo(3);
        assertThat(behind.err.strip()).doesNotContain("\n").contains("this courriel.jar needs " + newest)
                .contains("start the server");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("courriel"), "sa", "");
                Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '"
                    + newest + "'");
            rs.next();
            assertThat(rs.getInt(1)).as("the command migrated nothing").isZero();
        }
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        AdminCommandLine command = AdminCommandLine.parse(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(command, System.in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
