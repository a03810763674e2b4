package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code courriel dns check DOMAIN} on the command line's own context: the resolver is the one of
 * {@code courriel.dns.servers}, here a loopback socket that never answers, so every record is a DNS failure
 * and the exit code says so (the verdicts on real zones are RecordCheckTest's, in the mta module).
 */
class DnsCheckCommandLineTest {

    static DatagramSocket silent;
    static Path data;

    @BeforeAll
    static void aDomainAndADeafResolver() throws Exception {
        silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)); // reads nothing
        data = Files.createTempDirectory("courriel-dns-check");
        assertThat(run("domain", "add", "example.org").exit).isZero();
    }

    @AfterAll
    static void close() {
        silent.close();
    }

    @Test
    void aResolverThatDoesNotAnswerIsAFailureNotAPass() {
        Result check = run("dns", "check", "example.org");
        assertThat(check.exit).as(check.err).isEqualTo(1);
        assertThat(check.out).contains("dns failure MX    example.org: DNS failed:",
                "dns failure SRV   _imaps._tcp.example.org: DNS failed:",
                "11 of 11 records need attention (courriel dns example.org prints them)");
    }

    @Test
    void saysItInJson() throws Exception {
        Result check = run("--json", "dns", "check", "example.org");
        assertThat(check.exit).isEqualTo(1);
        JsonNode report = JsonMapper.builder().build().readTree(check.out);
        assertThat(report.get("domain").asString()).isEqualTo("example.org");
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("records")).hasSize(11);
        assertThat(report.get("records").get(0).get("status").asString()).isEqualTo("DNS_FAILURE");
        assertThat(report.get("records").get(0).get("expected").asString()).isEqualTo("10 mail.example.org.");
    }

    @Test
    void refusesAnUnknownDomainAndAMissingOne() {
        Result unknown = run("dns", "check", "unknown.org");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("domain unknown.org does not exist");
        Result usage = run("dns", "check");
        assertThat(usage.exit).isEqualTo(2);
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--courriel.data-dir=" + data, "--courriel.hostname=mail.example.org",
                "--courriel.dns.servers=127.0.0.1:" + silent.getLocalPort(), "--courriel.dns.timeout=300ms"));
        all.addAll(List.of(args));
        AdminCommandLine command = AdminCommandLine.parse(all.toArray(String[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.runOnItsOwn(command, InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
