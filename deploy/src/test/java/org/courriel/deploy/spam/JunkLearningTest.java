package org.courriel.deploy.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.courriel.CourrielApplication;
import org.courriel.imap.server.ImapServer;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.testing.RspamdServer;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FailOnErrorLogs;
import org.courriel.store.training.TrainingOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Learning from the user's own classification, end to end with Debian's rspamd (Bayes on a Redis of its own): an
 * IMAP client (Angus Mail) moves an unwanted message into Junk and marks a wanted one {@code $NotJunk}, as
 * Thunderbird does; once the training worker has taught rspamd, the next message like the unwanted one is
 * delivered to Junk by rspamd's score (BAYES_SPAM), and the next like the wanted one to INBOX.
 */
@SpringBootTest(classes = CourrielApplication.class, properties = {
        "courriel.data-dir=target/test-data/junk-learning", "courriel.imap.allow-plaintext-loopback=true",
        "spring.datasource.url=jdbc:h2:mem:junk-learning;DB_CLOSE_DELAY=-1",
        "courriel.spam.rspamd.learn.poll-interval=200ms", "courriel.spam.rspamd.learn.retry-initial=1s"})
@ExtendWith(FailOnErrorLogs.class)
class JunkLearningTest {

    static final RspamdServer RSPAMD = RspamdServer.start();
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String PASSWORD = "bob's password";

    @DynamicPropertySource
    static void rspamd(DynamicPropertyRegistry registry) {
        registry.add("courriel.spam.rspamd.url", RSPAMD::url);
        registry.add("courriel.spam.rspamd.learn.controller-url", RSPAMD::controllerUrl);
    }

    @AfterAll
    static void stop() {
        RSPAMD.close();
    }

    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    TrainingOutbox outbox;
    @Autowired
    MeterRegistry meters;
    @Autowired
    SmtpServers smtp;
    @Autowired
    ImapServer imap;

    /** Unwanted: the same pitch each time, from a sender of its own. */
    static final String PITCH = "Congratulations winner, claim your exclusive discount on replica watches and"
            + " cheap pills today, limited offer, act now, click the link below, free bonus casino credit for"
            + " every new customer, guaranteed lowest prices, unsubscribe never.";
    /** Wanted: the project's weekly notes. */
    static final String NOTES = "Minutes of the gardening club: the compost heap moves behind the shed, Marie brings"
            + " tomato seedlings on Saturday, the treasurer reports the fence repair came in under budget, and"
            + " next month's meeting is at the library reading room at seven.";

    @Test
    void aMessageMovedIntoJunkTeachesRspamdSoTheNextLikeItGoesToJunk() throws Exception {
        domains.add("learn.example.org");
        AccountInfo bob = accounts.create("bob@learn.example.org", PASSWORD, "Bob", 0);

        deliver("promo@deals.example", "Exclusive discount 1", PITCH);
        deliver("secretary@garden.example", "Club notes 1", NOTES);
        assertThat(folder(bob, "INBOX")).hasSize(2).allSatisfy(m -> assertThat(m).contains("X-Spam-Status: No"));

        Session session = Session.getInstance(new Properties());
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", imap.port(), bob.address(), PASSWORD);
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message pitch = null;
            Message notes = null;
            for (Message m : inbox.getMessages()) {
                if (m.getSubject().startsWith("Exclusive")) {
                    pitch = m;
                } else {
                    notes = m;
                }
            }
            inbox.moveMessages(new Message[] {pitch}, store.getFolder("Junk"));
            notes.setFlags(new Flags("$NotJunk"), true);
            inbox.close(false);
        } finally {
            store.close();
        }

        Await.until("the worker to teach rspamd both classifications", WAIT,
                () -> outbox.pending() == 0 && count("spam", "learned") == 1 && count("ham", "learned") == 1);

        deliver("promo@deals.example", "Exclusive discount 2", PITCH);
        assertThat(folder(bob, "Junk")).last().satisfies(m -> {
            assertThat(m).contains("Subject: Exclusive discount 2").contains("X-Spam-Status: Yes").contains("BAYES_SPAM");
        });
        deliver("secretary@garden.example", "Club notes 2", NOTES);
        assertThat(folder(bob, "INBOX")).last().satisfies(m -> {
            assertThat(m).contains("Subject: Club notes 2").contains("X-Spam-Status: No").contains("BAYES_HAM");
        });
    }

    private double count(String verdict, String result) {
        Counter counter = meters.find("courriel.spam.training").tag("verdict", verdict).tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private void deliver(String from, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtp.port(ListenerKind.MX)));
        props.put("mail.smtp.localhost", "client.example.net");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@learn.example.org"));
        message.setSubject(subject);
        message.setText(text);
        Transport.send(message);
    }

    private List<String> folder(AccountInfo account, String name) {
        List<String> contents = new ArrayList<>();
        mailboxes.find(account.id(), name).ifPresent(mailbox -> {
            for (long uid : messages.uids(mailbox.id())) {
                var record = messages.get(mailbox.id(), uid).orElseThrow();
                contents.add(new String(messages.content(record.contentId()), StandardCharsets.UTF_8));
            }
        });
        return contents;
    }
}
