package org.courriel.mta.sieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import courriel.test.sieve.SieveSpamTestApplication;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.mta.testing.RspamdServer;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.courriel.store.sieve.SieveScriptService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The run-time extensions that need the delivery path, over SMTP on loopback with Debian's rspamd: spamtest
 * sees the intake's verdict (RFC 3685), and duplicate remembers a Message-ID from one delivery to the next
 * (RFC 7352).
 */
@SpringBootTest(classes = SieveSpamTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:sieve-spam-${random.uuid};DB_CLOSE_DELAY=-1",
        "courriel.hostname=mx.hamburger.edu",
        "courriel.mx.port=0", "courriel.mx.bind-address=127.0.0.1",
        "courriel.submission.enabled=false", "courriel.submissions.enabled=false",
        "courriel.spam.greylist.enabled=false"})
@ExtendWith(FailOnErrorLogs.class)
class SieveSpamAndDuplicateEndToEndTest {

    static final RspamdServer RSPAMD = RspamdServer.start();

    private static final String SCRIPT = """
            require ["spamtestplus", "relational", "comparator-i;ascii-numeric", "fileinto", "mailbox", "duplicate"];
            if duplicate { fileinto :create "Duplicates"; stop; }
            if spamtest :value "eq" :comparator "i;ascii-numeric" "0" { fileinto :create "Unscored"; stop; }
            if spamtest :percent :value "lt" :comparator "i;ascii-numeric" "50" { fileinto :create "Scored"; }
            """;

    @DynamicPropertySource
    static void external(DynamicPropertyRegistry registry) {
        registry.add("courriel.spam.rspamd.url", RSPAMD::url);
    }

    @Autowired
    SmtpServers servers;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;
    @Autowired
    SieveScriptService scripts;

    private AccountInfo dana;

    @BeforeEach
    void danaFilters() {
        if (!domains.isLocal("hamburger.edu")) {
            domains.add("hamburger.edu");
        }
        dana = accounts.create("dana" + System.nanoTime() + "@hamburger.edu", "correct horse battery", null, 0);
        scripts.put(dana.id(), "main", SCRIPT);
        scripts.setActive(dana.id(), "main");
    }

    @AfterAll
    static void stop() {
        RSPAMD.close();
    }

    private String send(String messageId, String body) throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.expect("220 ");
            c.send("EHLO client.relay.example").reply();
            c.send("MAIL FROM:<friend@friend.example>").expect("250 ");
            c.send("RCPT TO:<" + dana.address() + ">").expect("250 ");
            c.send("DATA").expect("354 ");
            c.raw("From: <friend@friend.example>\r\nTo: " + dana.address() + "\r\nSubject: Lunch\r\n"
                    + "Message-ID: " + messageId + "\r\n\r\n" + body + "\r\n.\r\n");
            return c.line();
        }
    }

    private List<String> folder(String name) {
        List<String> contents = new ArrayList<>();
        mailboxes.find(dana.id(), name).ifPresent(m -> {
            for (long uid : messages.uids(m.id())) {
                var record = messages.get(m.id(), uid).orElseThrow();
                contents.add(new String(messages.content(record.contentId()), StandardCharsets.UTF_8));
            }
        });
        return contents;
    }

    @Test
    void theScriptSeesRspamdsScoreAndKnowsTheSecondCopy() throws Exception {
        String id = "<" + System.nanoTime() + "@friend.example>";
        assertThat(send(id, "See you at noon at the usual place.")).startsWith("250 2.0.0");
        // Scored by rspamd: the verdict reached the script (an unscored message would be in Unscored).
        assertThat(folder("Scored")).singleElement().asString().contains("X-Spam-Status: No, score=");
        assertThat(folder("Unscored")).isEmpty();

        // The same message again: recorded after the first delivery committed, so it is a duplicate now.
        assertThat(send(id, "See you at noon at the usual place.")).startsWith("250 2.0.0");
        assertThat(folder("Duplicates")).hasSize(1);
        assertThat(folder("Scored")).hasSize(1);

        // Another message is none.
        assertThat(send("<other-" + System.nanoTime() + "@friend.example>", "And dessert?")).startsWith("250 2.0.0");
        assertThat(folder("Scored")).hasSize(2);
        assertThat(folder("Duplicates")).hasSize(1);
    }
}
