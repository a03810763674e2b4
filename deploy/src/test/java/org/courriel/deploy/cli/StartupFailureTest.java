package org.courriel.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** What the command line says when its own context cannot start. */
class StartupFailureTest {

    @Test
    void anUnknownHostIsNamed() {
        Exception e = new IllegalStateException("context failed",
                new RuntimeException(new SQLException("The connection attempt failed.", "08001",
                        new UnknownHostException("db"))));
        assertThat(StartupFailure.describe(e)).isEqualTo("cannot open the database: unknown host db");
        assertThat(StartupFailure.exitCode(e)).isEqualTo(ExitCode.UNAVAILABLE);
    }

    @Test
    void aBadSettingIsItsFirstLine() {
        Exception e = new IllegalStateException("x", new IllegalArgumentException("courriel.api: bad\nmore"));
        assertThat(StartupFailure.describe(e)).isEqualTo("cannot start: courriel.api: bad");
        assertThat(StartupFailure.exitCode(e)).isEqualTo(ExitCode.FAILED);
    }
}
