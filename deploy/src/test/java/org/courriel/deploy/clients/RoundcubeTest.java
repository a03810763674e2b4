package org.courriel.deploy.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's second client family: Debian's Roundcube 1.6 in front of the application, driven over HTTP as a
 * browser drives it (the login form with its CSRF token, then the AJAX actions with {@code _remote=1} and the
 * request token), each effect checked over IMAP by a session of the test's own. Roundcube's error log must stay
 * empty: it records every IMAP command the server refused.
 * <p>
 * Sorting holds whether or not the server offers SORT (RFC 5256): without it Roundcube fetches the fields and
 * sorts itself, with it Roundcube sends SORT; the messages are chosen so that both give the same order (plain
 * subjects without {@code Re:}, display names in the order of the addresses, internal dates equal to the Date
 * fields). The same messages and requests against Dovecot 2.3, which offers SORT, gave these orders too.
 */
class RoundcubeTest extends ClientInteropTest {

    @TempDir
    Path dir;
    Roundcube roundcube;

    @BeforeEach
    void startRoundcube() throws Exception {
        roundcube = Roundcube.start(dir, imap.port());
    }

    @AfterEach
    void stopRoundcube() throws Exception {
        if (roundcube != null) {
            roundcube.close();
        }
    }

    @Test
    void listsTheInboxSortedByDateFromSubjectAndSize() throws Exception {
        Inbox inbox = threeMessages("roundcube-sorting");
        Roundcube.Browser browser = roundcube.login(inbox.user, PASSWORD);

        assertThat(sorted(browser, "date")).containsExactly(inbox.apple, inbox.cherry, inbox.banana);
        assertThat(sorted(browser, "from")).containsExactly(inbox.banana, inbox.cherry, inbox.apple);
        assertThat(sorted(browser, "subject")).containsExactly(inbox.apple, inbox.banana, inbox.cherry);
        assertThat(sorted(browser, "size")).containsExactly(inbox.cherry, inbox.banana, inbox.apple);
        assertThat(roundcube.errors()).isEmpty();
    }

    @Test
    void searchesReadsFlagsMovesAndDeletesAMessage() throws Exception {
        Inbox inbox = threeMessages("roundcube-flow");
        ImapProbe probe = inbox.probe;
        Roundcube.Browser browser = roundcube.login(inbox.user, PASSWORD);

        assertThat(Roundcube.rows(browser.remoteGet("search", Map.of("_q", "banana", "_headers", "subject",
                "_filter", "ALL", "_scope", "base", "_mbox", "INBOX")))).containsExactly(inbox.banana);
        assertThat(Roundcube.rows(browser.remoteGet("search", Map.of("_q", "rhubarb", "_headers", "body",
                "_filter", "ALL", "_scope", "base", "_mbox", "INBOX")))).containsExactly(inbox.apple);

        // read: the page shows the text part and names the attachment; the message is \Seen in the store
        assertThat(probe.flags("INBOX", "<apple@clients.example>")).hasValueSatisfying(
                flags -> assertThat(flags).doesNotContain("\\Seen"));
        HttpResponse<String> page = browser.get("?_task=mail&_action=show&_uid=" + inbox.apple + "&_mbox=INBOX");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("rhubarb crumble with custard").contains("recipe.txt");
        assertThat(probe.flags("INBOX", "<apple@clients.example>")).hasValueSatisfying(
                flags -> assertThat(flags).contains("\\Seen").doesNotContain("\\Flagged"));

        browser.remotePost("mark", Map.of("_uid", String.valueOf(inbox.apple), "_flag", "flagged", "_mbox", "INBOX"));
        assertThat(probe.flags("INBOX", "<apple@clients.example>")).hasValueSatisfying(
                flags -> assertThat(flags).contains("\\Seen", "\\Flagged"));

        browser.remotePost("move", Map.of("_uid", String.valueOf(inbox.apple), "_target_mbox", "Archive",
                "_mbox", "INBOX"));
        assertThat(probe.flags("INBOX", "<apple@clients.example>")).isEmpty();
        assertThat(probe.flags("Archive", "<apple@clients.example>")).hasValueSatisfying(
                flags -> assertThat(flags).contains("\\Seen", "\\Flagged"));
        assertThat(Roundcube.rows(browser.remoteGet("list", Map.of("_mbox", "INBOX", "_sort", "date_ASC"))))
                .containsExactly(inbox.cherry, inbox.banana);

        // Delete outside Trash: app.js (delete_messages) moves the message to Trash; in Trash it sends delete,
        // which stores \Deleted and expunges those UIDs (UID EXPUNGE, RFC 4315 §2.1).
        List<Long> archived = Roundcube.rows(browser.remoteGet("list", Map.of("_mbox", "Archive")));
        assertThat(archived).hasSize(1);
        browser.remotePost("move", Map.of("_uid", String.valueOf(archived.getFirst()), "_target_mbox", "Trash",
                "_mbox", "Archive"));
        assertThat(probe.flags("Archive", "<apple@clients.example>")).isEmpty();
        assertThat(probe.flags("Trash", "<apple@clients.example>")).isPresent();
        List<Long> trashed = Roundcube.rows(browser.remoteGet("list", Map.of("_mbox", "Trash")));
        assertThat(trashed).hasSize(1);
        browser.remotePost("delete", Map.of("_uid", String.valueOf(trashed.getFirst()), "_mbox", "Trash"));
        assertThat(probe.flags("Trash", "<apple@clients.example>")).isEmpty();
        assertThat(probe.flags("INBOX", "<banana@clients.example>")).isPresent();
        assertThat(roundcube.errors()).isEmpty();
    }

    /**
     * Threads mode ({@code _threads=1}) asks the server for THREAD=REFERENCES (RFC 5256 §3); without it Roundcube
     * lists flat. Passes once THREAD is advertised (branch h-sort9), fails before. Against Dovecot 2.3 the same
     * messages and request gave such an answer (with the unrelated message first).
     */
    @Test
    void showsAReplyUnderItsParentInThreadsMode() throws Exception {
        ImapProbe probe = account("roundcube-threads");
        long parent = probe.append("INBOX", "01-Dec-2026 10:00:00 +0000", message("<plans@clients.example>",
                "Alice <alice@example.net>", "Plans for Friday", "Mon, 01 Dec 2026 10:00:00 +0000", "", "Lunch?"));
        long other = probe.append("INBOX", "01-Dec-2026 11:00:00 +0000", message("<other@clients.example>",
                "Carol <carol@example.net>", "Something else", "Mon, 01 Dec 2026 11:00:00 +0000", "", "Hello"));
        long reply = probe.append("INBOX", "01-Dec-2026 12:00:00 +0000", message("<reply@clients.example>",
                "Bob <bob@example.net>", "Re: Plans for Friday", "Mon, 01 Dec 2026 12:00:00 +0000",
                "In-Reply-To: <plans@clients.example>\r\nReferences: <plans@clients.example>\r\n", "Yes."));
        Roundcube.Browser browser = roundcube.login(probe.user(), PASSWORD);

        String threads = browser.remoteGet("list", Map.of("_mbox", "INBOX", "_threads", "1", "_sort", "date_ASC"));
        assertThat(threads).as("Roundcube uses THREAD only when the server offers THREAD=REFERENCES; its IMAP "
                + "dialogue:\n%s", roundcube.imapLog()).contains("\"threading\":true");
        // the order of the two threads is the server's and Roundcube's business; the reply comes right under its parent
        // (the row options are JSON inside the "exec" string of the answer, so their quotes come escaped)
        List<Long> rows = Roundcube.rows(threads);
        assertThat(rows).containsExactlyInAnyOrder(parent, reply, other);
        assertThat(rows.indexOf(reply)).isEqualTo(rows.indexOf(parent) + 1);
        assertThat(threads).contains("add_message_row(" + reply + ",").contains("\\\"parent_uid\\\":" + parent)
                .contains("init_threads([" + parent + "]");
        assertThat(roundcube.errors()).isEmpty();
    }

    private List<Long> sorted(Roundcube.Browser browser, String column) throws Exception {
        List<Long> ascending = Roundcube.rows(browser.remoteGet("list",
                Map.of("_mbox", "INBOX", "_sort", column + "_ASC", "_page", "1")));
        List<Long> descending = Roundcube.rows(browser.remoteGet("list",
                Map.of("_mbox", "INBOX", "_sort", column + "_DESC", "_page", "1")));
        assertThat(descending).as("%s descending", column).containsExactlyElementsOf(ascending.reversed());
        return ascending;
    }

    /** The three messages of both tests, with a different order for each sort column; their UIDs. */
    private Inbox threeMessages(String localPart) throws Exception {
        ImapProbe probe = account(localPart);
        long cherry = probe.append("INBOX", "01-Dec-2026 10:00:00 +0000", message("<cherry@clients.example>",
                "Bob <bob@example.net>", "Cherry tart", "Mon, 01 Dec 2026 10:00:00 +0000", "", "Short."));
        long apple = probe.append("INBOX", "30-Nov-2026 09:00:00 +0000", """
                Message-ID: <apple@clients.example>\r
                From: Carol <carol@example.net>\r
                To: %s\r
                Subject: Apple pie\r
                Date: Sun, 30 Nov 2026 09:00:00 +0000\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="b1"\r
                \r
                --b1\r
                Content-Type: text/plain; charset=utf-8\r
                \r
                Or rather a rhubarb crumble with custard?\r
                %s\r
                --b1\r
                Content-Type: text/plain; name="recipe.txt"\r
                Content-Disposition: attachment; filename="recipe.txt"\r
                \r
                %s\r
                --b1--\r
                """.formatted(probe.user(), "Apples and pastry. ".repeat(40), "Flour, butter, sugar. ".repeat(40)));
        long banana = probe.append("INBOX", "02-Dec-2026 08:00:00 +0000", message("<banana@clients.example>",
                "Alice <alice@example.net>", "Banana split", "Tue, 02 Dec 2026 08:00:00 +0000", "",
                "Ice cream and bananas. ".repeat(12)));
        return new Inbox(probe.user(), probe, apple, banana, cherry);
    }

    private record Inbox(String user, ImapProbe probe, long apple, long banana, long cherry) {
    }
}
