package org.courriel.pop3.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.courriel.pop3.testing.ExternalClient;
import org.courriel.pop3.testing.Pop3TestSupport;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's getmail6 retrieves the INBOX over POP3S, checking the certificate, hands each message to an external
 * MDA (its Maildir destination refuses to run as root, as CI does) and deletes what it retrieved.
 */
class GetmailClientTest extends Pop3TestSupport {

    @TempDir
    Path dir;

    @Test
    void retrievesEveryMessageOverPop3sAndDeletesThem() throws Exception {
        deliver("INBOX", "first");
        deliver("INBOX", "second");
        Path fetched = Files.createDirectory(dir.resolve("fetched"));
        Path cert = ExternalClient.resource("/testing/tls/cert.pem", dir);
        Path rc = dir.resolve("getmailrc");
        Files.writeString(rc, """
                [retriever]
                type = SimplePOP3SSLRetriever
                server = 127.0.0.1
                port = %d
                username = %s
                password = %s
                ca_certs = %s

                [destination]
                type = MDA_external
                path = /bin/sh
                arguments = ("-c", "cat > $(mktemp %s/msg.XXXXXX)")
                allow_root_commands = true

                [options]
                read_all = true
                delete = true
                verbose = 2
                """.formatted(pop3.implicitTlsPort(), user, PASSWORD, cert, fetched), StandardCharsets.US_ASCII);

        ExternalClient.run(List.of(Tools.require("getmail", "getmail6").toString(), "--getmaildir", dir.toString(),
                "--rcfile", rc.toString()), dir, Duration.ofSeconds(60));

        try (Stream<Path> files = Files.list(fetched)) {
            assertThat(files.map(ExternalClient::subjectOf).sorted().toList()).containsExactly("first", "second");
        }
        assertThat(messages.uids(mailboxes.get(account.id(), "INBOX").id())).isEmpty();
    }
}
