package org.courriel.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/deb/build-deb.sh builds a package whose contents and control data dpkg-deb reads back. The package
 * is built around a stand-in jar: the real one is made after the tests, in the package phase.
 */
class DebianPackageTest {

    @Test
    void installsJarLauncherUnitAndConfigAndCreatesTheUser(@TempDir Path dir) throws Exception {
        assumeTrue(PackagingFiles.onPath("dpkg-deb") != null, "dpkg-deb is not installed");
        Path jar = Files.writeString(dir.resolve("courriel.jar"), "stand-in");
        PackagingFiles.Result build = PackagingFiles.run("bash",
                PackagingFiles.DEPLOY.resolve("deb/build-deb.sh").toString(),
                "--jar", jar.toString(), "--out", dir.toString(), "--version", "1.2.3-SNAPSHOT");
        assertThat(build.exitCode()).as(build.output()).isZero();
        Path deb = dir.resolve("courriel_1.2.3~SNAPSHOT_all.deb");
        assertThat(build.output().strip()).isEqualTo(deb.toString());

        String contents = PackagingFiles.run("dpkg-deb", "-c", deb.toString()).output();
        assertThat(contents).contains("-rw-r--r-- root/root", "./usr/share/courriel/courriel.jar")
                .containsPattern("-rwxr-xr-x root/root .* \\./usr/bin/courriel\n")
                .contains("./lib/systemd/system/courriel.service", "./etc/courriel/application.yml");

        PackagingFiles.Result info = PackagingFiles.run("dpkg-deb", "-I", deb.toString());
        assertThat(info.output()).contains("Package: courriel", "Version: 1.2.3~SNAPSHOT", "Architecture: all",
                "conffiles", "postinst");
        assertThat(PackagingFiles.run("dpkg-deb", "-I", deb.toString(), "conffiles").output().strip())
                .isEqualTo("/etc/courriel/application.yml");
        assertThat(PackagingFiles.run("dpkg-deb", "-I", deb.toString(), "postinst").output())
                .contains("adduser --system --group");
    }

    @Test
    void refusesToBuildWithoutAJar(@TempDir Path dir) {
        assumeTrue(PackagingFiles.onPath("dpkg-deb") != null, "dpkg-deb is not installed");
        PackagingFiles.Result build = PackagingFiles.run("bash",
                PackagingFiles.DEPLOY.resolve("deb/build-deb.sh").toString(),
                "--jar", dir.resolve("missing.jar").toString(), "--out", dir.toString());
        assertThat(build.exitCode()).isEqualTo(1);
        assertThat(build.output()).contains("no jar at");
    }
}
