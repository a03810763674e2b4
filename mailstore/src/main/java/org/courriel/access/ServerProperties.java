package org.courriel.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Server-wide settings ({@code courriel.*}).
 *
 * @param hostname the name this server greets with (SMTP 220 and EHLO, IMAP greeting, Received headers) and
 *                 puts in its generated certificate; default: the machine's host name
 * @param dataDir  where the embedded database, the generated certificate and other local state live
 */
@ConfigurationProperties("courriel")
public record ServerProperties(String hostname, Path dataDir) {

    public ServerProperties {
        if (hostname == null || hostname.isBlank()) {
            hostname = machineName();
        }
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }

    /** The host name the kernel knows, without asking DNS. */
    private static String machineName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String name = Files.readString(Path.of("/etc/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no such file: fall through
        }
        return "localhost";
    }
}
