package org.courriel.mta.smtp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

/**
 * Runs a protocol transcript against a server: {@code C: text} lines are sent (with CRLF), {@code S: regex}
 * lines must match the next line the server sends, in full. Blank lines and lines starting with '#' are skipped.
 */
public final class SmtpScript {

    private SmtpScript() {
    }

    public static void run(int port, String script) throws IOException {
        try (SmtpClient client = new SmtpClient(port)) {
            run(client, script);
        }
    }

    public static void run(SmtpClient client, String script) throws IOException {
        int number = 0;
        for (String line : script.split("\n", -1)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("C: ") || line.equals("C:")) {
                client.send(line.length() > 3 ? line.substring(3) : "");
            } else if (line.startsWith("S: ")) {
                String got = client.line();
                assertThat(got).as("script line %d: %s", number, line).isNotNull().matches(line.substring(3));
            } else {
                throw new IllegalArgumentException("script line " + number + " is neither C: nor S: " + line);
            }
        }
    }
}
