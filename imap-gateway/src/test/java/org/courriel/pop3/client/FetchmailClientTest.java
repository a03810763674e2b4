package org.courriel.pop3.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.courriel.pop3.testing.ExternalClient;
import org.courriel.pop3.testing.Pop3TestSupport;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's fetchmail polls the INBOX over POP3S with certificate checks, hands each message to an MDA and deletes it. */
class FetchmailClientTest extends Pop3TestSupport {

    @TempDir
    Path dir;

    @Test
    void fetchesEveryMessageOverPop3sAndDeletesThem() throws Exception {
        deliver("INBOX", "first");
        deliver("INBOX", "second");
        deliver("INBOX", "third");
        Path fetched = Files.createDirectory(dir.resolve("fetched"));
        Path cert = ExternalClient.resource("/testing/tls/cert.pem", dir);
        Path rc = dir.resolve("fetchmailrc");
        Files.writeString(rc, """
                set no syslog
                poll 127.0.0.1 protocol POP3 port %d
                    user "%s" password "%s"
                    ssl sslcertck sslcertfile "%s" sslcommonname "localhost"
                    mda "/bin/sh -c 'cat > $(mktemp %s/msg.XXXXXX)'"
                    fetchall no keep
                """.formatted(pop3.implicitTlsPort(), user, PASSWORD, cert, fetched), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------")); // fetchmail insists

        ExternalClient.run(List.of(Tools.require("fetchmail", "fetchmail").toString(), "--fetchmailrc", rc.toString(),
                "--nodetach", "--verbose", "--pidfile", dir.resolve("fetchmail.pid").toString()), dir,
                Duration.ofSeconds(60));

        try (Stream<Path> files = Files.list(fetched)) {
            List<String> subjects = files.map(ExternalClient::subjectOf).sorted().toList();
            assertThat(subjects).containsExactly("first", "second", "third");
        }
        assertThat(messages.uids(mailboxes.get(account.id(), "INBOX").id())).isEmpty();
    }
}
