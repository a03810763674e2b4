package org.courriel.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/bin/courriel with a stand-in java that reports its version and echoes how it was called. */
class LauncherScriptTest {

    private static final String LAUNCHER = PackagingFiles.DEPLOY.resolve("bin/courriel").toString();

    @Test
    void runsTheJarWithJavaHomeAndPassesArgumentsThrough(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        PackagingFiles.Result result = PackagingFiles.run(Map.of("JAVA_HOME", home.toString(),
                "COURRIEL_JAR", jar.toString(), "SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:/x/"),
                "bash", LAUNCHER, "user", "add", "bob@example.org", "--password", "a long secret");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ARG[-jar] ARG[" + jar + "] ARG[user] ARG[add] ARG[bob@example.org] "
                + "ARG[--password] ARG[a long secret]");
    }

    @Test
    void startsACommandWithC1AndAClassDataArchiveButTheServerWithout(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "COURRIEL_JAR", jar.toString(),
                "COURRIEL_CLI_CACHE", dir.resolve("cache").toString());
        PackagingFiles.Result command = PackagingFiles.run(env, "bash", LAUNCHER, "--courriel.data-dir=/x", "domain", "list");
        assertThat(command.output()).contains("ARG[-XX:TieredStopAtLevel=1]")
                .contains("ARG[-XX:SharedArchiveFile=" + dir.resolve("cache/cli.jsa") + "]");
        PackagingFiles.Result server = PackagingFiles.run(env, "bash", LAUNCHER, "--courriel.data-dir=/x");
        assertThat(server.output()).doesNotContain("TieredStopAtLevel").doesNotContain("SharedArchiveFile");
    }

    @Test
    void refusesAJavaOlderThan21(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk17"), 17);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        PackagingFiles.Result result = PackagingFiles.run(Map.of("JAVA_HOME", home.toString(),
                "COURRIEL_JAR", jar.toString()), "bash", LAUNCHER);
        // Another Java 21+ under /usr/lib/jvm may take over; the stand-in itself never runs.
        assertThat(result.output()).doesNotContain("ARG[-jar]");
    }

    @Test
    void saysSoWhenTheJarIsMissing(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        PackagingFiles.Result result = PackagingFiles.run(Map.of("JAVA_HOME", home.toString(),
                "COURRIEL_JAR", dir.resolve("missing.jar").toString()), "bash", LAUNCHER);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("no courriel.jar found");
    }

    private static Path fakeJava(Path home, int major) throws Exception {
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/usr/bin/env bash
                if [ "$1" = -version ]; then echo 'openjdk version "%d.0.1" 2025-10-21' >&2; exit 0; fi
                for arg in "$@"; do printf 'ARG[%%s] ' "$arg"; done
                echo
                """.formatted(major));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
