package org.courriel.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/bin/courriel with a stand-in java that reports its version, extracts a jar (a copy), writes the AOT
 * cache it is asked to make and echoes how it was called. That the caches work with a real JVM is
 * bench/run-start.sh's part: it starts the packaged server through this script.
 */
class LauncherScriptTest {

    private static final String LAUNCHER = PackagingFiles.DEPLOY.resolve("bin/courriel").toString();

    @Test
    void runsTheJarWithJavaHomeAndPassesArgumentsThrough(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        PackagingFiles.Result result = PackagingFiles.run(Map.of("JAVA_HOME", home.toString(),
                "COURRIEL_JAR", jar.toString(), "SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:/x/",
                "COURRIEL_CLI_CACHE", dir.resolve("cache").toString()),
                "bash", LAUNCHER, "user", "add", "bob@example.org", "--password", "a long secret");
        assertThat(result.exitCode()).as(result.output()).isZero();
        Path extracted = onlyExtraction(dir.resolve("cache")).resolve("courriel.jar");
        assertThat(result.output()).contains("ARG[-jar] ARG[" + extracted + "] ARG[user] ARG[add] ARG[bob@example.org] "
                + "ARG[--password] ARG[a long secret]");
    }

    @Test
    void startsACommandWithC1AndAnAotCacheOnJava25AndTheServerWithItsOwnCacheAndNormalJit(@TempDir Path dir)
            throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "COURRIEL_JAR", jar.toString(),
                "COURRIEL_CACHE", dir.resolve("cache").toString());
        PackagingFiles.Result command = PackagingFiles.run(env, "bash", LAUNCHER, "--courriel.data-dir=/x", "domain", "list");
        Path extracted = onlyExtraction(dir.resolve("cache"));
        assertThat(extracted.resolve("cli.aot")).hasContent("AOT cache of the training run");
        assertThat(command.output()).contains("ARG[-XX:TieredStopAtLevel=1]")
                .contains("ARG[-XX:AOTCache=" + extracted.resolve("cli.aot") + "]").doesNotContain("SharedArchiveFile")
                .contains("ARG[-jar] ARG[" + extracted.resolve("courriel.jar") + "] ARG[--courriel.data-dir=/x]");
        PackagingFiles.Result server = PackagingFiles.run(env, "bash", LAUNCHER, "--courriel.data-dir=/x");
        assertThat(onlyExtraction(dir.resolve("cache"))).isEqualTo(extracted);
        assertThat(extracted.resolve("server.aot")).hasContent("AOT cache of the training run");
        assertThat(server.output()).doesNotContain("TieredStopAtLevel").doesNotContain("UseSerialGC")
                .contains("ARG[-XX:AOTCache=" + extracted.resolve("server.aot") + "]")
                .contains("ARG[-jar] ARG[" + extracted.resolve("courriel.jar") + "] ARG[--courriel.data-dir=/x]");
    }

    @Test
    void trainsTheServersCacheOnceOnAThrowawayDatabaseWithItsJvmOptionsButNotItsConfiguration(@TempDir Path dir)
            throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "COURRIEL_JAR", jar.toString(),
                "COURRIEL_CACHE", dir.resolve("cache").toString(),
                "SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:/etc/courriel/",
                "COURRIEL_JAVA_OPTS", "-Xmx2g -Dspring.datasource.url=jdbc:postgresql://db/mail");
        PackagingFiles.Result first = PackagingFiles.run(env, "bash", LAUNCHER);
        PackagingFiles.Result second = PackagingFiles.run(env, "bash", LAUNCHER);
        Path extracted = onlyExtraction(dir.resolve("cache"));
        List<String> trainings = trainings(home, extracted);
        assertThat(trainings).hasSize(1);
        assertThat(trainings.get(0)).startsWith("-Xmx2g -XX:AOTCacheOutput=" + extracted.resolve(".train."))
                .contains("-Dspring.context.exit=onRefresh").doesNotContain("datasource")
                .doesNotContain("TieredStopAtLevel").doesNotContain("AOTClassLinking")
                .contains("-jar " + extracted.resolve("courriel.jar") + " --courriel.data-dir=" + extracted.resolve(".train."))
                .endsWith("/data ENV[]");
        assertThat(first.output()).contains("making the server's start-up cache");
        for (PackagingFiles.Result run : List.of(first, second)) {
            assertThat(run.output()).contains("ARG[-XX:AOTCache=" + extracted.resolve("server.aot") + "]")
                    .contains("ARG[-Xmx2g] ARG[-Dspring.datasource.url=jdbc:postgresql://db/mail] ARG[-jar] ARG["
                            + extracted.resolve("courriel.jar") + "]");
        }
        assertThat(second.output()).doesNotContain("making the server's start-up cache");
        try (var left = Files.list(extracted)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the throwaway data is gone")
                    .noneMatch(name -> name.startsWith(".train"));
        }
    }

    @Test
    void startsTheServerWithoutACacheWhenItsTrainingMadeNoneAndTriesOnlyOnce(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Files.writeString(home.resolve("no-aot"), "");
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "COURRIEL_JAR", jar.toString(),
                "COURRIEL_CACHE", dir.resolve("cache").toString());
        PackagingFiles.run(env, "bash", LAUNCHER);
        PackagingFiles.Result again = PackagingFiles.run(env, "bash", LAUNCHER);
        Path extracted = onlyExtraction(dir.resolve("cache"));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("AOTCache")
                .contains("ARG[-jar] ARG[" + extracted.resolve("courriel.jar") + "]");
        assertThat(trainings(home, extracted)).hasSize(1);
    }

    @Test
    void startsTheServerFromTheExtractionWithoutAnArchiveOnJava21To24(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 21);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        PackagingFiles.Result server = PackagingFiles.run(Map.of("JAVA_HOME", home.toString(),
                "COURRIEL_JAR", jar.toString(), "COURRIEL_CACHE", dir.resolve("cache").toString()), "bash", LAUNCHER);
        Path extracted = onlyExtraction(dir.resolve("cache"));
        assertThat(server.output()).doesNotContain("AOTCache").doesNotContain("SharedArchiveFile")
                .doesNotContain("TieredStopAtLevel").contains("ARG[-jar] ARG[" + extracted.resolve("courriel.jar") + "]");
        assertThat(trainings(home, extracted)).isEmpty();
    }

    @Test
    void keepsReadingTheOlderNameOfTheCacheSetting(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        PackagingFiles.run(Map.of("JAVA_HOME", home.toString(), "COURRIEL_JAR", jar.toString(),
                "COURRIEL_CLI_CACHE", dir.resolve("old").toString()), "bash", LAUNCHER, "domain", "list");
        assertThat(onlyExtraction(dir.resolve("old")).resolve("cli.aot")).exists();
    }

    @Test
    void startsACommandWithADynamicClassDataArchiveOnJava21To24(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 21);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "COURRIEL_JAR", jar.toString(),
                "COURRIEL_CLI_CACHE", dir.resolve("cache").toString());
        PackagingFiles.Result command = PackagingFiles.run(env, "bash", LAUNCHER, "--courriel.data-dir=/x", "domain", "list");
        Path extracted = onlyExtraction(dir.resolve("cache"));
        assertThat(command.output()).contains("ARG[-XX:TieredStopAtLevel=1]")
                .contains("ARG[-XX:SharedArchiveFile=" + extracted.resolve("cli.jsa") + "]").doesNotContain("AOTCache")
                .contains("ARG[-jar] ARG[" + extracted.resolve("courriel.jar") + "] ARG[--courriel.data-dir=/x]");
        List<String> trainings = trainings(home, extracted);
        assertThat(trainings).hasSize(1);
        assertThat(trainings.get(0)).contains("-XX:SharedArchiveFile=" + extracted.resolve("cli.jsa"))
                .contains("-jar " + extracted.resolve("courriel.jar")).endsWith("domain list ENV[]");
    }

    @Test
    void makesTheAotCacheOncePerJarAndAgainForANewOne(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "COURRIEL_JAR", jar.toString(),
                "COURRIEL_CLI_CACHE", cache.toString());
        PackagingFiles.run(env, "bash", LAUNCHER, "domain", "list");
        PackagingFiles.run(env, "bash", LAUNCHER, "user", "list");
        Path first = onlyExtraction(cache);
        assertThat(trainings(home, first)).hasSize(2);
        assertThat(Files.readAllLines(home.resolve("calls")).stream().filter(c -> c.contains("AOTCacheOutput")))
                .hasSize(1);

        Files.writeString(jar, "another build");
        PackagingFiles.Result upgraded = PackagingFiles.run(env, "bash", LAUNCHER, "domain", "list");
        Path second = onlyExtraction(cache);
        assertThat(second).isNotEqualTo(first);
        assertThat(trainings(home, second)).hasSize(2);
        assertThat(upgraded.output()).contains("ARG[-XX:AOTCache=" + second.resolve("cli.aot") + "]");
    }

    @Test
    void runsWithoutACacheWhenTheTrainingMakesNone(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Files.writeString(home.resolve("no-aot"), "");
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        PackagingFiles.Result command = PackagingFiles.run(Map.of("JAVA_HOME", home.toString(),
                "COURRIEL_JAR", jar.toString(), "COURRIEL_CLI_CACHE", dir.resolve("cache").toString()),
                "bash", LAUNCHER, "domain", "list");
        Path extracted = onlyExtraction(dir.resolve("cache"));
        assertThat(command.exitCode()).as(command.output()).isZero();
        assertThat(command.output()).doesNotContain("AOTCache").doesNotContain("SharedArchiveFile")
                .contains("ARG[-jar] ARG[" + extracted.resolve("courriel.jar") + "] ARG[domain] ARG[list]");
        assertThat(extracted.resolve("cli.aot")).doesNotExist();
    }

    @Test
    void extractsTheJarOnceAndAgainForANewJarOrAnotherJava(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "COURRIEL_JAR", jar.toString(),
                "COURRIEL_CLI_CACHE", cache.toString());
        PackagingFiles.run(env, "bash", LAUNCHER, "domain", "list");
        Path first = onlyExtraction(cache);
        PackagingFiles.Result again = PackagingFiles.run(env, "bash", LAUNCHER, "domain", "list");
        assertThat(again.output()).doesNotContain("ARG[extract]");
        assertThat(onlyExtraction(cache)).isEqualTo(first);

        Files.writeString(jar, "another build");
        PackagingFiles.Result upgraded = PackagingFiles.run(env, "bash", LAUNCHER, "domain", "list");
        Path second = onlyExtraction(cache);
        assertThat(second).isNotEqualTo(first);
        assertThat(upgraded.output()).contains("ARG[-jar] ARG[" + second.resolve("courriel.jar") + "]");

        // another Java (its release file says so): an archive is only valid for the JVM that made it
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25.0.2\"\n");
        PackagingFiles.Result otherJava = PackagingFiles.run(env, "bash", LAUNCHER, "domain", "list");
        Path third = onlyExtraction(cache);
        assertThat(third).isNotEqualTo(second);
        assertThat(otherJava.output()).contains("ARG[-XX:AOTCache=" + third.resolve("cli.aot") + "]");
    }

    @Test
    void runsTheJarItselfWhenItCannotBeExtracted(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Files.writeString(home.resolve("no-extract"), "");
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        PackagingFiles.Result command = PackagingFiles.run(Map.of("JAVA_HOME", home.toString(),
                "COURRIEL_JAR", jar.toString(), "COURRIEL_CLI_CACHE", dir.resolve("cache").toString()),
                "bash", LAUNCHER, "domain", "list");
        assertThat(command.exitCode()).as(command.output()).isZero();
        assertThat(command.output()).contains("ARG[-XX:TieredStopAtLevel=1] ").doesNotContain("SharedArchiveFile")
                .contains("ARG[-jar] ARG[" + jar + "] ARG[domain] ARG[list]");
        try (var left = Files.list(dir.resolve("cache"))) {
            assertThat(left).as("no half extraction is left").isEmpty();
        }
    }

    @Test
    void trainsTheArchiveOnceOnAThrowawayDatabaseWithoutTheServersConfiguration(@TempDir Path dir) throws Exception {
        Path home = fakeJava(dir.resolve("jdk"), 25);
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        Map<String, String> env = Map.of("JAVA_HOME", home.toString(), "COURRIEL_JAR", jar.toString(),
                "COURRIEL_CLI_CACHE", dir.resolve("cache").toString(),
                "SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:/etc/courriel/");
        PackagingFiles.run(env, "bash", LAUNCHER, "user", "list");
        PackagingFiles.run(env, "bash", LAUNCHER, "user", "list");
        Path extracted = onlyExtraction(dir.resolve("cache"));
        List<String> trainings = trainings(home, extracted);
        assertThat(trainings).hasSize(2);
        assertThat(trainings.get(0)).doesNotContain("AOTCache").contains("-jar " + extracted.resolve("courriel.jar"))
                .endsWith("domain add train.invalid ENV[]");
        assertThat(trainings.get(1)).contains("-XX:AOTCacheOutput=" + extracted.resolve(".train."))
                .contains("-XX:-AOTClassLinking")
                .contains("-jar " + extracted.resolve("courriel.jar"))
                .endsWith("user add trainee@train.invalid --password training-only --json ENV[]");
        try (var left = Files.list(extracted)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the throwaway data is gone")
                    .noneMatch(name -> name.startsWith(".train"));
        }
    }

    /** The stand-in java's calls that trained the archive of {@code extracted}, on a throwaway database. */
    private static List<String> trainings(Path home, Path extracted) throws Exception {
        return Files.readAllLines(home.resolve("calls")).stream()
                .filter(call -> call.contains("--courriel.data-dir=" + extracted.resolve(".train."))).toList();
    }

    /** The one extraction in the cache directory. */
    private static Path onlyExtraction(Path cache) throws Exception {
        try (var dirs = Files.list(cache)) {
            List<Path> all = dirs.toList();
            assertThat(all).hasSize(1);
            assertThat(all.get(0).resolve("courriel.jar")).isRegularFile();
            return all.get(0);
        }
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
                if [ "$1" = -Djarmode=tools ] && [ "$4" = extract ] && [ "$5" = --destination ]; then
                  echo "ARG[extract]"
                  [ -f "$(dirname "$0")/../no-extract" ] && exit 1
                  mkdir -p "$6/lib" && cp "$3" "$6/$(basename "$3")"; exit 0
                fi
                echo "$* ENV[${SPRING_CONFIG_ADDITIONAL_LOCATION:-}]" >>"$(dirname "$0")/../calls"
                for arg in "$@"; do
                  case $arg in -XX:AOTCacheOutput=*)
                    [ -f "$(dirname "$0")/../no-aot" ] || echo -n "AOT cache of the training run" >"${arg#*=}";;
                  esac
                done
                for arg in "$@"; do printf 'ARG[%%s] ' "$arg"; done
                echo
                """.formatted(major));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
