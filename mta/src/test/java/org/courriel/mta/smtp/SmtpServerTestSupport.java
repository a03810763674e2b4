package org.courriel.mta.smtp;

import org.courriel.mta.smtp.session.ListenerKind;
import java.util.ArrayList;
import java.util.List;

import courriel.test.smtp.SmtpTestApplication;
import org.courriel.mta.smtp.testing.MxEndToEndSupport;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AliasService;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.testing.FailOnErrorLogs;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One running server (MX, submission, submissions on ephemeral ports of 127.0.0.1, H2 in memory, the test
 * certificate) shared by the SMTP test classes, hosting {@code hamburger.edu}.
 */
@SpringBootTest(classes = SmtpTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:smtp-${random.uuid};DB_CLOSE_DELAY=-1",
        "courriel.hostname=mx.hamburger.edu",
        "courriel.mx.port=0", "courriel.mx.bind-address=127.0.0.1",
        "courriel.submission.port=0", "courriel.submission.bind-address=127.0.0.1",
        "courriel.submissions.port=0", "courriel.submissions.bind-address=127.0.0.1",
        "courriel.mx.max-connections-per-ip=200",
        "courriel.smtp.max-message-size=64KB",
        "courriel.smtp.max-recipients=5",
        "courriel.auth.max-failures-per-ip=1000",
        "courriel.auth.max-failures-per-account=3",
        TestTls.CERTIFICATE, TestTls.PRIVATE_KEY})
@ExtendWith(FailOnErrorLogs.class) // any error logged by the server fails the test: a bug path was taken
public abstract class SmtpServerTestSupport extends MxEndToEndSupport {

    public static final String DOMAIN = "hamburger.edu";

    @Autowired
    protected AliasService aliases;
    @Autowired
    protected MeterRegistry meters;

    @BeforeEach
    void hostHamburgerEdu() {
        if (!domains.isLocal(DOMAIN)) {
            domains.add(DOMAIN);
        }
        account("bob@" + DOMAIN, 0);
        account("alice@" + DOMAIN, 0);
    }

    /** The account, created on first use. */
    protected AccountInfo account(String address, long quota) {
        return accounts.find(address).orElseGet(() -> accounts.create(address, PASSWORD, address, quota));
    }

    protected int submission() {
        return servers.port(ListenerKind.SUBMISSION);
    }

    protected int submissions() {
        return servers.port(ListenerKind.SUBMISSIONS);
    }

    /** The contents of every message in the account's INBOX, in UID order. */
    protected List<byte[]> inbox(String address) {
        AccountInfo account = accounts.find(address).orElseThrow();
        MailboxInfo inbox = mailboxes.get(account.id(), "INBOX");
        List<byte[]> contents = new ArrayList<>();
        for (long uid : messages.uids(inbox.id())) {
            MessageRecord record = messages.get(inbox.id(), uid).orElseThrow();
            contents.add(messages.content(record.contentId()));
        }
        return contents;
    }

    protected int inboxSize(String address) {
        return inbox(address).size();
    }

    protected double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

}
