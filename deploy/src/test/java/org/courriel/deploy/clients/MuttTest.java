package org.courriel.deploy.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.courriel.store.testing.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: Debian's mutt reads, flags and deletes over IMAP. mutt has no batch mode for its index: it needs a
 * terminal, so it runs under util-linux's {@code script} (a pseudo-terminal, {@code TERM=vt100}), and the keys a
 * user would type are {@code push}ed by the last line of its configuration; mutt works through them once the
 * mailbox is open, then quits. The effects are checked over IMAP by the test's own session.
 */
class MuttTest extends ClientInteropTest {

    @TempDir
    Path dir;

    @Test
    void readsFlagsAndDeletesMessagesOverImap() throws Exception {
        Path mutt = Tools.require("mutt", "mutt");
        Path script = Tools.require("script", "bsdutils");
        ImapProbe probe = account("mutt");
        probe.append("INBOX", "01-Dec-2026 10:00:00 +0000", message("<first@clients.example>",
                "Alice <alice@example.net>", "First", "Mon, 01 Dec 2026 10:00:00 +0000", "", "The first text."));
        probe.append("INBOX", "01-Dec-2026 11:00:00 +0000", message("<second@clients.example>",
                "Bob <bob@example.net>", "Second", "Mon, 01 Dec 2026 11:00:00 +0000", "", "The second text."));
        probe.append("INBOX", "01-Dec-2026 12:00:00 +0000", message("<third@clients.example>",
                "Carol <carol@example.net>", "Third", "Mon, 01 Dec 2026 12:00:00 +0000", "", "The third text."));

        Path piped = dir.resolve("piped.eml");
        Path config = dir.resolve("muttrc");
        // Sorted by date: read the first (the pager, then pipe it to a file), flag it, delete the second, sync
        // (with delete=yes the \Deleted message is expunged without a question) and quit; the third is left alone.
        Files.writeString(config, """
                set folder="imap://127.0.0.1:%1$d/"
                set spoolfile="+INBOX"
                set imap_user="%2$s"
                set imap_pass="%3$s"
                set ssl_starttls=no
                set ssl_force_tls=no
                set imap_check_subscribed=no
                set header_cache=""
                set message_cachedir=""
                set record=""
                set sort=date-sent
                set resolve=no
                set delete=yes
                set quit=yes
                set move=no
                set wait_key=no
                set mark_old=no
                set beep=no
                push "<first-entry><display-message><exit><pipe-message>cat > %4$s<enter><flag-message><next-entry><delete-message><sync-mailbox><quit>"
                """.formatted(imap.port(), probe.user(), PASSWORD, piped), StandardCharsets.UTF_8);
        Path typescript = dir.resolve("mutt.typescript");
        ProcessBuilder run = new ProcessBuilder(script.toString(), "-q", "-e", "-c",
                mutt + " -n -F " + config, typescript.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("script.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        run.environment().put("TERM", "vt100");
        run.environment().put("HOME", dir.toString());
        Process process = run.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("mutt did not finish in 60 s; its screen: " + Files.readString(typescript));
        }
        String screen = Files.readString(typescript, StandardCharsets.ISO_8859_1);
        assertThat(process.exitValue()).as(screen).isZero();

        assertThat(Files.readString(piped)).contains("Subject: First").contains("The first text.");
        assertThat(probe.flags("INBOX", "<first@clients.example>")).as(screen)
                .hasValueSatisfying(flags -> assertThat(flags).contains("\\Seen", "\\Flagged"));
        assertThat(probe.flags("INBOX", "<second@clients.example>")).as(screen).isEmpty();
        assertThat(probe.flags("INBOX", "<third@clients.example>")).as(screen)
                .hasValueSatisfying(flags -> assertThat(flags).doesNotContain("\\Seen", "\\Flagged"));
    }
}
