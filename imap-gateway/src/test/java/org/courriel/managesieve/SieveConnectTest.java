package org.courriel.managesieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.courriel.store.sieve.SieveScriptInfo;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's sieve-connect uploads, lists and activates a script over STARTTLS. */
class SieveConnectTest extends ManageSieveTestSupport {

    @TempDir
    Path dir;

    private String run(String... action) throws IOException, InterruptedException {
        Path tool = Tools.require("sieve-connect", "sieve-connect");
        List<String> command = new ArrayList<>(List.of(tool.toString(), "--server", "127.0.0.1",
                "--port", Integer.toString(server.port()), "--user", user, "--passwordfd", "0", "--notlsverify",
                "--authmech", "PLAIN"));
        command.addAll(List.of(action));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("sieve-connect finished").isTrue();
        assertThat(p.exitValue()).as("sieve-connect %s: %s", List.of(action), output).isZero();
        return output;
    }

    @Test
    void uploadsListsAndActivatesAScript() throws Exception {
        String script = "require [\"fileinto\"];\nif header :contains \"List-Id\" \"dev\" { fileinto \"Lists\"; }\n";
        Files.writeString(dir.resolve("filter.siv"), script);

        run("--localsieve", "filter.siv", "--remotesieve", "filter", "--upload");
        run("--remotesieve", "filter", "--activate");
        String listing = run("--list");

        assertThat(listing).contains("filter");
        assertThat(scripts.list(account.id())).containsExactly(new SieveScriptInfo("filter", true));
        assertThat(scripts.get(account.id(), "filter")).contains(script);
    }
}
