package org.courriel.mta.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.courriel.mta.MtaTestApplication;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.testing.MxEndToEndSupport;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyService;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.UidSet;
import org.courriel.store.testing.Await;
import org.courriel.store.testing.FailOnErrorLogs;
import org.courriel.store.testing.FakeSmtpServer;
import org.courriel.store.testing.TestTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end: a message submitted on loopback is signed once, queued, relayed through dot-stuffing to a test
 * SMTP server, and the bytes that server received verify with dkimpy; so does the local recipient's copy.
 * Mail arriving on the MX port is never signed, whatever its From says.
 */
@SpringBootTest(classes = MtaTestApplication.class, properties = {"courriel.hostname=mail.signed.example",
        TestTls.CERTIFICATE, TestTls.PRIVATE_KEY})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(FailOnErrorLogs.class)
class SignedSubmissionTest extends MxEndToEndSupport {

    static final String DOMAIN = "signed.example";
    static final FakeSmtpServer REMOTE = FakeSmtpServer.start("remote");

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("courriel.relay.routes[remote.example]", REMOTE::route);
        registry.add("courriel.dkim.master-key-file", () -> data.resolve("dkim-master.key").toString());
    }

    @AfterAll
    static void stopRemote() {
        REMOTE.close();
    }

    @Autowired
    DkimKeyService keys;

    @BeforeEach
    void domainWithBothKeys() {
        if (domains.isLocal(DOMAIN)) {
            return;
        }
        domains.add(DOMAIN);
        accounts.create("bob@" + DOMAIN, PASSWORD, "Bob", 0);
        accounts.create("carol@" + DOMAIN, PASSWORD, "Carol", 0);
        keys.add(DOMAIN, "rsa1", DkimAlgorithm.RSA_SHA256);
        keys.add(DOMAIN, "ed1", DkimAlgorithm.ED25519_SHA256);
        keys.add(DOMAIN, "pending", DkimAlgorithm.ED25519_SHA256); // never activated: must not sign
        keys.activate(DOMAIN, "rsa1");
        keys.activate(DOMAIN, "ed1");
    }

    private Map<String, String> records() {
        Map<String, String> records = new HashMap<>();
        for (DkimKey key : keys.list(DOMAIN)) {
            records.put(key.recordName(), key.recordText());
        }
        return records;
    }

    /** Lines that start with a period, a long line and UTF-8: what dot-stuffing and line handling touch. */
    private static final String MESSAGE = """
            From: Bob <bob@signed.example>\r
            To: dave@remote.example, carol@signed.example\r
            Subject: =?utf-8?q?d=C3=A9jeuner?=\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            .starts with a period\r
            ..two of them\r
            .\tand a tab\r
            d\u00e9jeuner \u00e0 midi   \r
            """ + "x".repeat(900) + "\r\n";

    @Test
    void submittedMessageArrivesSignedAndVerifiesWithDkimpy() throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.SUBMISSION))) {
            c.expect("220");
            c.send("EHLO client.example").reply();
            c.send("STARTTLS").expect("220");
            c.startTls();
            c.send("EHLO client.example").reply();
            String plain = Base64.getEncoder().encodeToString(
                    ("\0bob@" + DOMAIN + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            c.send("AUTH PLAIN " + plain).expect("235");
            c.send("MAIL FROM:<bob@signed.example> BODY=8BITMIME").expect("250");
            c.send("RCPT TO:<dave@remote.example>").expect("250");
            c.send("RCPT TO:<carol@signed.example>").expect("250");
            c.send("DATA").expect("354");
            c.raw(stuffed(MESSAGE).getBytes(StandardCharsets.UTF_8));
            c.raw(".\r\n");
            c.expect("250");
        }
        Await.until("relayed to remote.example", () -> !REMOTE.to("dave@remote.example").isEmpty());
        byte[] relayed = REMOTE.to("dave@remote.example").getFirst().data();
        assertThat(new String(relayed, StandardCharsets.UTF_8)).contains("\r\n.starts with a period\r\n")
                .contains("s=rsa1;").contains("s=ed1;").doesNotContain("s=pending");
        assertThat(RawHeaderSection.parse(relayed).count("DKIM-Signature")).isEqualTo(2);
        Dkimpy.Verdict remote = Dkimpy.verify(relayed, records());
        assertThat(remote.output()).isEqualTo("2 pass pass");

        byte[] local = lastInInbox("carol@" + DOMAIN);
        assertThat(local).isEqualTo(relayed); // one content, signed once
        assertThat(Dkimpy.verify(local, records()).output()).isEqualTo("2 pass pass");
    }

    @Test
    void mailArrivingOnTheMxIsNotSigned() throws Exception {
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.expect("220");
            c.send("EHLO outside.example").reply();
            c.send("MAIL FROM:<someone@outside.example>").expect("250");
            c.send("RCPT TO:<carol@signed.example>").expect("250");
            c.send("DATA").expect("354");
            c.raw("From: Bob <bob@signed.example>\r\nSubject: forged\r\n\r\nnot from Bob\r\n.\r\n");
            c.expect("250");
        }
        byte[] stored = lastInInbox("carol@" + DOMAIN);
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("Subject: forged")
                .doesNotContainIgnoringCase("DKIM-Signature");
    }

    private byte[] lastInInbox(String address) {
        AccountInfo account = accounts.find(address).orElseThrow();
        long inbox = mailboxes.get(account.id(), "INBOX").id();
        List<MessageRecord> all = new ArrayList<>();
        messages.scan(inbox, UidSet.ALL, MessageFields.BASIC, all::add);
        return messages.content(all.getLast().contentId());
    }

    /** RFC 5321 §4.5.2, as a client sends it. */
    private static String stuffed(String message) {
        return message.replace("\r\n.", "\r\n..").replaceFirst("^\\.", "..");
    }
}
