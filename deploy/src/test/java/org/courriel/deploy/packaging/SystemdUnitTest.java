package org.courriel.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/systemd/courriel.service: the directives it promises, and Debian's systemd-analyze verify. */
class SystemdUnitTest {

    private static final Path UNIT = PackagingFiles.DEPLOY.resolve("systemd/courriel.service");
    private final List<String> directives = directives(PackagingFiles.read(UNIT));

    @Test
    void runsAsTheCourrielUserWithItsStateDirectoryAndOnlyTheBindCapability() {
        assertThat(directives).contains("User=courriel", "StateDirectory=courriel", "ExecStart=/usr/bin/courriel",
                "AmbientCapabilities=CAP_NET_BIND_SERVICE", "CapabilityBoundingSet=CAP_NET_BIND_SERVICE",
                "Restart=on-failure");
    }

    @Test
    void givesTheLauncherACacheDirectoryForTheExtractedJarAndItsAotCache() {
        assertThat(directives).contains("CacheDirectory=courriel", "Environment=COURRIEL_CACHE=/var/cache/courriel");
    }

    @Test
    void isHardenedButLetsTheJitWriteCode() {
        assertThat(directives).contains("ProtectSystem=strict", "ProtectHome=yes", "NoNewPrivileges=yes",
                "PrivateTmp=yes", "PrivateDevices=yes", "ProtectKernelTunables=yes", "ProtectKernelModules=yes",
                "ProtectKernelLogs=yes", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
                "SystemCallFilter=@system-service");
        assertThat(directives).noneMatch(d -> d.startsWith("MemoryDenyWriteExecute="));
    }

    @Test
    void waitsLongerThanTheShutdownGraceBeforeKilling() {
        String timeout = directives.stream().filter(d -> d.startsWith("TimeoutStopSec=")).findFirst().orElseThrow();
        // Spring's spring.lifecycle.timeout-per-shutdown-phase defaults to 30s.
        assertThat(Integer.parseInt(timeout.substring("TimeoutStopSec=".length()))).isGreaterThan(30);
    }

    /** verify needs ExecStart's binary to exist: a copy of the unit points it at the launcher in this checkout. */
    @Test
    void passesSystemdAnalyzeVerify(@TempDir Path dir) throws Exception {
        assumeTrue(PackagingFiles.onPath("systemd-analyze") != null, "systemd-analyze is not installed");
        Path copy = dir.resolve("courriel.service");
        Files.writeString(copy, PackagingFiles.read(UNIT).replace("ExecStart=/usr/bin/courriel",
                "ExecStart=" + PackagingFiles.DEPLOY.resolve("bin/courriel")));
        PackagingFiles.Result result = PackagingFiles.run("systemd-analyze", "verify", copy.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("verify's warnings").isBlank();
    }

    private static List<String> directives(String unit) {
        List<String> found = new ArrayList<>();
        for (String line : unit.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("[")) {
                found.add(line.strip());
            }
        }
        return found;
    }
}
