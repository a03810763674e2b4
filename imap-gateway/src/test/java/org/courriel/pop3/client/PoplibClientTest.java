package org.courriel.pop3.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import org.courriel.pop3.testing.ExternalClient;
import org.courriel.pop3.testing.Pop3TestSupport;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python's poplib downloads and deletes the INBOX over POP3S, over STLS and in plaintext from loopback. */
class PoplibClientTest extends Pop3TestSupport {

    @TempDir
    Path dir;

    @Test
    void downloadsAndDeletesOverImplicitTls() throws Exception {
        downloadsAndDeletes("ssl", pop3.implicitTlsPort());
    }

    @Test
    void downloadsAndDeletesAfterStls() throws Exception {
        downloadsAndDeletes("stls", pop3Port());
    }

    @Test
    void downloadsAndDeletesInPlaintextFromLoopback() throws Exception {
        downloadsAndDeletes("plain", pop3Port());
    }

    private void downloadsAndDeletes(String mode, int port) throws Exception {
        deliver("INBOX", "first");
        deliver("INBOX", "second");
        hook("raw", "bare", new HashMap<>()); // a third, with bare LFs: its size must still match its CRLF lines
        long uidValidity = mailboxes.get(account.id(), "INBOX").uidValidity();

        String printed = ExternalClient.run(List.of(Tools.require("python3", "python3").toString(),
                ExternalClient.resource("/pop3/poplib_download.py", dir).toString(), "127.0.0.1",
                String.valueOf(port), mode, user, PASSWORD,
                ExternalClient.resource("/testing/tls/cert.pem", dir).toString()), dir, Duration.ofSeconds(60));

        List<String> lines = printed.strip().lines().toList();
        assertThat(lines).hasSize(4);
        for (int i = 0; i < 3; i++) {
            String[] fields = lines.get(i).split(" ", 5);
            assertThat(fields[0]).isEqualTo(String.valueOf(i + 1));
            assertThat(fields[1]).as("listed size equals the octets received: %s", lines.get(i)).isEqualTo(fields[2]);
            assertThat(fields[3]).isEqualTo(uidValidity + "." + (i + 1));
        }
        assertThat(lines.stream().map(l -> l.split(" ", 5)[4]).limit(3)).containsExactly("first", "second", "bare");
        assertThat(lines.get(3)).startsWith("QUIT +OK");
        assertThat(messages.uids(mailboxes.get(account.id(), "INBOX").id())).isEmpty();
    }
}
