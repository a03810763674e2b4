package org.courriel.pop3.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.courriel.imap.testing.ImapClient;
import org.courriel.pop3.testing.ExternalClient;
import org.courriel.pop3.testing.Pop3TestSupport;
import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end case: poplib downloads and deletes the INBOX while an IMAP client sits in IDLE on it; the
 * IMAP client is told of each expunge as POP3's QUIT commits, and its next SELECT finds the INBOX empty.
 */
class ImapWatchesPop3Test extends Pop3TestSupport {

    @TempDir
    Path dir;

    @Test
    void imapClientInIdleSeesTheExpungesOfPop3Quit() throws Exception {
        deliver("INBOX", "one");
        deliver("INBOX", "two");
        deliver("INBOX", "three");
        try (ImapClient imap = new ImapClient(port())) {
            imap.readLine(); // greeting
            imap.command("a1", "LOGIN " + user + " \"" + PASSWORD + "\"");
            assertThat(imap.command("a2", "SELECT INBOX")).contains("* 3 EXISTS");
            imap.send("a3 IDLE");
            assertThat(imap.readLine()).startsWith("+ ");

            String printed = ExternalClient.run(List.of(Tools.require("python3", "python3").toString(),
                    ExternalClient.resource("/pop3/poplib_download.py", dir).toString(), "127.0.0.1",
                    String.valueOf(pop3.implicitTlsPort()), "ssl", user, PASSWORD,
                    ExternalClient.resource("/testing/tls/cert.pem", dir).toString()), dir, Duration.ofSeconds(60));
            assertThat(printed).contains("QUIT +OK");

            List<String> updates = new ArrayList<>();
            while (updates.size() < 3) {
                updates.add(imap.readLine()); // the IDLE updates, awaited as they come (10 s read timeout)
            }
            assertThat(updates).allMatch(line -> line.matches("\\* [123] EXPUNGE"));
            imap.send("DONE");
            assertThat(imap.readLine()).startsWith("a3 OK");
            assertThat(imap.command("a4", "SELECT INBOX")).contains("* 0 EXISTS");
        }
    }
}
