package org.courriel.mta.sieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.courriel.mta.smtp.SmtpServerTestSupport;
import org.courriel.mta.smtp.testing.RecordingOutboundQueue;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.SystemFlag;
import org.courriel.store.sieve.SieveScriptService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sieve scripts at final delivery, driven over SMTP against the running server. */
class SieveDeliveryTest extends SmtpServerTestSupport {

    @Autowired
    SieveScriptService scripts;
    @Autowired
    RecordingOutboundQueue queue;

    private AccountInfo carol;

    @BeforeEach
    void carolHasAFreshAccount() {
        carol = account("carol" + System.nanoTime() + "@" + DOMAIN, 0);
        queue.queued().clear();
    }

    private void activate(String script) {
        scripts.put(carol.id(), "main", script);
        scripts.setActive(carol.id(), "main");
    }

    private String send(String from, String to, String message) throws IOException {
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220");
            c.send("EHLO crepes.fr");
            c.expect("250");
            c.send("MAIL FROM:<" + from + ">");
            c.expect("250");
            c.send("RCPT TO:<" + to + ">");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            c.raw(message + ".\r\n");
            List<String> reply = c.reply();
            return reply.getLast();
        }
    }

    private int count(String mailbox) {
        return mailboxes.find(carol.id(), mailbox).map(m -> messages.uids(m.id()).length).orElse(0);
    }

    @Test
    void fileIntoCreatesTheMailboxAndSetsFlagsForASubaddress() throws Exception {
        activate("""
                require ["fileinto", "mailbox", "imap4flags", "envelope", "subaddress"];
                if envelope :detail "to" "lists" {
                    fileinto :create :flags "\\\\Seen" "Lists/dev";
                }
                """);
        String plus = carol.address().replace("@", "+lists@");
        assertThat(send("x@crepes.fr", plus, "Subject: a list\r\n\r\nhi\r\n")).startsWith("250 2.0.0");
        assertThat(send("x@crepes.fr", carol.address(), "Subject: direct\r\n\r\nhi\r\n")).startsWith("250 2.0.0");

        MailboxInfo lists = mailboxes.get(carol.id(), "Lists/dev");
        assertThat(mailboxes.subscriptions(carol.id())).as("a folder :create makes shows in clients").contains("Lists/dev");
        long[] uids = messages.uids(lists.id());
        assertThat(uids).hasSize(1);
        assertThat(messages.get(lists.id(), uids[0]).orElseThrow().flags().has(SystemFlag.SEEN)).isTrue();
        assertThat(count("INBOX")).isEqualTo(1);
    }

    @Test
    void eachOfManyAccountsOfOneMessageGetsItsOwnScript() throws Exception {
        // An alias to more accounts than one look-up of the active scripts asks about (8), scripts on either side.
        long run = System.nanoTime();
        List<AccountInfo> team = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            team.add(account("team" + i + "-" + run + "@" + DOMAIN, 0));
        }
        for (int i : new int[] {0, 9}) {
            scripts.put(team.get(i).id(), "main", "require [\"fileinto\", \"mailbox\"]; fileinto :create \"Team" + i + "\";");
            scripts.setActive(team.get(i).id(), "main");
        }
        String alias = "team-" + run + "@" + DOMAIN;
        aliases.add(alias, team.stream().map(AccountInfo::address).toList());

        assertThat(send("x@crepes.fr", alias, "Subject: to the team\r\n\r\nhi\r\n")).startsWith("250 2.0.0");
        for (int i = 0; i < team.size(); i++) {
            long id = team.get(i).id();
            boolean filed = i == 0 || i == 9;
            assertThat(mailboxes.find(id, "Team" + i).map(m -> messages.uids(m.id()).length).orElse(0))
                    .as("Team%d of team%d", i, i).isEqualTo(filed ? 1 : 0);
            assertThat(messages.uids(mailboxes.get(id, "INBOX").id())).as("INBOX of team%d", i).hasSize(filed ? 0 : 1);
        }
    }

    @Test
    void flagsTheStoreCannotKeepAreDroppedNotTheMessage() throws Exception {
        activate("require \"imap4flags\"; addflag [\"\\\\Flagged\", \"" + "k".repeat(200)
                + "\", \"bad(flag\", \"ok\"]; keep;");
        assertThat(send("x@crepes.fr", carol.address(), "Subject: s\r\n\r\nhi\r\n")).startsWith("250 2.0.0");
        MailboxInfo inbox = mailboxes.get(carol.id(), "INBOX");
        var flags = messages.get(inbox.id(), messages.uids(inbox.id())[0]).orElseThrow().flags();
        assertThat(flags.has(SystemFlag.FLAGGED)).isTrue();
        assertThat(flags.keywords()).containsExactly("ok");
    }

    @Test
    void includeRunsAnotherOfTheAccountsScripts() throws Exception {
        scripts.put(carol.id(), "lists", "require [\"fileinto\", \"mailbox\"];\n"
                + "if exists \"List-Id\" { fileinto :create \"Lists\"; }");
        activate("require [\"include\", \"fileinto\"]; include \"lists\"; include :optional \"none\";");
        assertThat(send("x@crepes.fr", carol.address(), "List-Id: <dev.example>\r\nSubject: a\r\n\r\nhi\r\n"))
                .startsWith("250 2.0.0");
        assertThat(count("Lists")).isEqualTo(1);
        assertThat(count("INBOX")).isZero();
    }

    @Test
    void rejectOfTheOnlyRecipientIsRefusedInTheDialogue() throws Exception {
        activate("require \"reject\"; if header :contains \"subject\" \"offer\" { reject \"No thanks\"; }");
        assertThat(send("x@crepes.fr", carol.address(), "Subject: an offer\r\n\r\nbuy\r\n")).startsWith("550 5.7.1");
        assertThat(count("INBOX")).isZero();
        assertThat(send("x@crepes.fr", carol.address(), "Subject: hello\r\n\r\nhi\r\n")).startsWith("250 2.0.0");
        assertThat(count("INBOX")).isEqualTo(1);
    }

    @Test
    void scriptFailingAtRunTimeKeepsTheMessageInInbox() throws Exception {
        activate("discard;" + "redirect \"a@elsewhere.example\";".repeat(5));
        assertThat(send("x@crepes.fr", carol.address(), "Subject: s\r\n\r\nhi\r\n")).startsWith("250 2.0.0");
        assertThat(count("INBOX")).isEqualTo(1);
        assertThat(queue.queued()).isEmpty();
        assertThat(counter("courriel.sieve.runs", "outcome", "failed")).isPositive();
    }

    @Test
    void redirectGoesThroughTheQueueUnlessItLoops() throws Exception {
        activate("redirect \"dave@elsewhere.example\";");
        assertThat(send("x@crepes.fr", carol.address(), "Subject: s\r\n\r\nhi\r\n")).startsWith("250 2.0.0");
        assertThat(queue.queued()).singleElement().satisfies(q -> {
            assertThat(q.envelope().reversePath()).isEqualTo("x@crepes.fr");
            assertThat(q.recipients()).extracting(r -> r.address()).containsExactly("dave@elsewhere.example");
        });
        assertThat(count("INBOX")).isZero();

        queue.queued().clear();
        String looped = "Delivered-To: " + carol.address() + "\r\nSubject: s\r\n\r\nhi\r\n";
        assertThat(send("x@crepes.fr", carol.address(), looped)).startsWith("250 2.0.0");
        assertThat(queue.queued()).isEmpty();
        assertThat(count("INBOX")).isEqualTo(1);
    }

    @Test
    void vacationAnswersOncePerSenderAndNeverToLists() throws Exception {
        activate("require \"vacation\"; vacation :days 7 :subject \"Away\" \"I am away.\";");
        String message = "From: x@crepes.fr\r\nTo: " + carol.address() + "\r\nMessage-ID: <m1@crepes.fr>\r\n"
                + "Subject: hi\r\n\r\nhi\r\n";
        assertThat(send("x@crepes.fr", carol.address(), message)).startsWith("250 2.0.0");
        assertThat(send("x@crepes.fr", carol.address(), message)).startsWith("250 2.0.0");
        String list = "From: y@crepes.fr\r\nTo: " + carol.address() + "\r\nList-Id: <dev.crepes.fr>\r\n\r\nhi\r\n";
        assertThat(send("y@crepes.fr", carol.address(), list)).startsWith("250 2.0.0");
        String auto = "From: z@crepes.fr\r\nTo: " + carol.address() + "\r\nAuto-Submitted: auto-replied\r\n\r\nhi\r\n";
        assertThat(send("z@crepes.fr", carol.address(), auto)).startsWith("250 2.0.0");

        assertThat(queue.queued()).singleElement().satisfies(q -> {
            assertThat(q.envelope().reversePath()).isEmpty();
            assertThat(q.recipients()).extracting(r -> r.address()).containsExactly("x@crepes.fr");
        });
        assertThat(count("INBOX")).isEqualTo(4);
    }
}
