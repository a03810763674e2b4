package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import org.courriel.deploy.cli.AdminCliRunner;
import org.courriel.deploy.cli.AdminCommandLine;
import org.junit.jupiter.api.Test;

/** {@code courriel limits list|reset} against a file database, as an operator lifts a sender's hourly limit. */
class LimitsCommandsTest {

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AdminCliRunner.run(AdminCommandLine.parse(args), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsWhatASenderSentThisHourAndForgetsItOnReset() throws Exception {
        Path data = Files.createTempDirectory("courriel-limits-cli");
        String db = "--courriel.data-dir=" + data;
        assertThat(run(db, "domain", "add", "example.org").exit()).isZero();
        assertThat(run(db, "limits", "list").out()).isBlank();
        // What SendLimiter would have counted for three messages to five recipients this hour.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("courriel") + ";AUTO_SERVER=TRUE",
                "sa", "");
                PreparedStatement ps = c.prepareStatement("INSERT INTO send_counter (scope, subject, hour_index, "
                        + "messages, recipients) VALUES ('account', 'bob@example.org', ?, 3, 5)")) {
            ps.setLong(1, System.currentTimeMillis() / 1000 / 3600);
            ps.executeUpdate();
        }
        assertThat(run(db, "limits", "list").out())
                .contains("account bob@example.org: 3 messages, 5 recipients in the last hour");
        assertThat(run(db, "--json", "limits", "list").out().replaceAll("\\s", ""))
                .contains("\"subject\":\"bob@example.org\"", "\"messages\":3");
        assertThat(run(db, "limits", "reset", "account", "Bob@Example.ORG").out())
                .contains("send count of account bob@example.org reset");
        assertThat(run(db, "limits", "list").out()).isBlank();
        assertThat(run(db, "limits", "reset", "account", "bob@example.org").out()).contains("nothing counted");
        assertThat(run(db, "limits", "reset", "someone").exit()).isEqualTo(2);
        assertThat(run(db, "limits", "frob").exit()).isEqualTo(2);
    }
}
