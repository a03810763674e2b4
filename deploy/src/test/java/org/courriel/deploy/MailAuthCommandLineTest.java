package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.junit.jupiter.api.Test;

/** {@code courriel dkim ...} and {@code courriel dns DOMAIN}, run against a file database as an operator would. */
class MailAuthCommandLineTest {

    @Test
    void parsesItsOwnOptionsAndLeavesTheRestToSpring() {
        AdminCommandLine c = AdminCommandLine.parse(new String[] {"--courriel.data-dir=/tmp/x", "dkim", "add",
            "example.org", "--selector", "s1", "--algorithm=ed25519", "--force"});
        assertThat(c.noun()).isEqualTo("dkim");
        assertThat(c.verb()).isEqualTo("add");
        assertThat(c.arguments()).containsExactly("example.org");
        assertThat(c.option("selector")).isEqualTo("s1");
        assertThat(c.option("algorithm")).isEqualTo("ed25519");
        assertThat(c.option("force")).isEqualTo("true");
        assertThat(c.springArguments()).containsExactly("--courriel.data-dir=/tmp/x");
        AdminCommandLine dns = AdminCommandLine.parse(new String[] {"dns", "example.org"});
        assertThat(dns.noun()).isEqualTo("dns");
        assertThat(dns.words()).containsExactly("example.org");
    }

    @Test
    void keyLifeCycleAndTheRecordsToPublish() throws Exception {
        Path data = Files.createTempDirectory("courriel-dkim-cli");
        String db = "--courriel.data-dir=" + data;
        String host = "--courriel.hostname=mail.example.org";
        assertThat(run(db, "domain", "add", "example.org").exit).isZero();

        Result ed = run(db, "dkim", "add", "example.org", "--selector", "s1", "--algorithm", "ed25519");
        assertThat(ed.exit).as(ed.err).isZero();
        assertThat(ed.out).contains("s1._domainkey.example.org. IN TXT \"v=DKIM1; k=ed25519; p=")
                .contains("courriel dkim activate example.org s1");
        Result rsa = run(db, "dkim", "add", "example.org");
        assertThat(rsa.exit).as(rsa.err).isZero();
        // RFC 1035 §3.3.14: a 2048-bit key's record is longer than one 255-byte string.
        assertThat(rsa.out).containsPattern("_domainkey\\.example\\.org\\. IN TXT \"v=DKIM1; k=rsa; p=[^\"]+\" \"");
        Path master = data.resolve("keys/dkim-master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(master))).isEqualTo("rw-------");

        Result activated = run(db, "dkim", "activate", "example.org", "s1", "--force");
        assertThat(activated.exit).as(activated.err).isZero();
        assertThat(run(db, "dkim", "retire", "example.org", "s1").out).contains("retired");
        Result list = run(db, "dkim", "list");
        assertThat(list.out).containsPattern("example.org s1 ed25519-sha256 retired created=\\S+ activated=\\S+ retired=")
                .containsPattern("example.org c\\d{8}r rsa-sha256 pending");

        Result records = run(db, host, "dns", "example.org");
        assertThat(records.exit).as(records.err).isZero();
        assertThat(records.out).contains(
                "example.org. IN MX 10 mail.example.org.",
                "example.org. IN TXT \"v=spf1 mx -all\"",
                "_dmarc.example.org. IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@example.org\"",
                "_smtp._tls.example.org. IN TXT \"v=TLSRPTv1; rua=mailto:tls-reports@example.org\"",
                "_submissions._tcp.example.org. IN SRV 0 1 465 mail.example.org.",
                "_submission._tcp.example.org. IN SRV 0 1 587 mail.example.org.",
                "_imaps._tcp.example.org. IN SRV 0 1 993 mail.example.org.",
                "autoconfig.example.org. IN CNAME mail.example.org.",
                "autodiscover.example.org. IN CNAME mail.example.org.",
                "mta-sts.example.org. IN CNAME mail.example.org.",
                "s1._domainkey.example.org. IN TXT",
                "version: STSv1\nmode: testing\nmx: mail.example.org\nmax_age: 604800\n")
                .containsPattern("_mta-sts\\.example\\.org\\. IN TXT \"v=STSv1; id=[0-9a-f]{20}\"");

        Result unknown = run(db, "dkim", "add", "unknown.org");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("domain unknown.org does not exist");
        Result badVerb = run(db, "dkim", "frobnicate", "example.org");
        assertThat(badVerb.exit).isEqualTo(2);
        assertThat(badVerb.err).contains("dkim add DOMAIN");
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        AdminCommandLine command = AdminCommandLine.parse(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(command, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
