package org.courriel.mta.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.courriel.mta.MtaTestApplication;
import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.mta.smtp.testing.SmtpClient;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.AliasService;
import org.courriel.store.account.DomainService;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyService;
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
 * End to end: mail received on the MX for an alias that forwards to an outside address leaves with an ARC set
 * (RFC 8617 §5.1) sealed with the alias domain's RSA key, after the Authentication-Results the MX computed; the
 * bytes the next server receives validate with dkimpy's arc_verify. Submitted mail to the same outside address
 * is DKIM-signed and not sealed, even when it carries an Authentication-Results claiming our id.
 */
@SpringBootTest(classes = MtaTestApplication.class, properties = {"courriel.hostname=mx.forward.example",
        TestTls.CERTIFICATE, TestTls.PRIVATE_KEY})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(FailOnErrorLogs.class)
class ForwardedMailSealingTest {

    static final String DOMAIN = "forward.example";
    static final String PASSWORD = "correct horse battery";
    static final FakeSmtpServer REMOTE = FakeSmtpServer.start("remote");

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("courriel.relay.routes[elsewhere.example]", REMOTE::route);
        registry.add("courriel.dkim.master-key-file", () -> data.resolve("dkim-master.key").toString());
    }

    @AfterAll
    static void stopRemote() {
        REMOTE.close();
    }

    @Autowired
    SmtpServers servers;
    @Autowired
    DomainService domains;
    @Autowired
    AccountService accounts;
    @Autowired
    AliasService aliases;
    @Autowired
    DkimKeyService keys;

    @BeforeEach
    void domainWithAKeyAndAForwardingAlias() {
        if (domains.isLocal(DOMAIN)) {
            return;
        }
        domains.add(DOMAIN);
        accounts.create("bob@" + DOMAIN, PASSWORD, "Bob", 0);
        aliases.add("old@" + DOMAIN, List.of("bob@elsewhere.example"));
        keys.add(DOMAIN, "arc1", DkimAlgorithm.RSA_SHA256);
        keys.activate(DOMAIN, "arc1");
    }

    private Map<String, String> records() {
        Map<String, String> records = new HashMap<>();
        for (DkimKey key : keys.list(DOMAIN)) {
            records.put(key.recordName(), key.recordText());
        }
        return records;
    }

    private String relayed(int before) {
        Await.until("relayed to elsewhere.example", () -> REMOTE.to("bob@elsewhere.example").size() > before);
        return new String(REMOTE.to("bob@elsewhere.example").get(before).data(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void mailForwardedByAnAliasLeavesSealedAndValidatesWithDkimpy() throws Exception {
        int before = REMOTE.to("bob@elsewhere.example").size();
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.MX))) {
            c.expect("220");
            c.send("EHLO mail.origin.example").reply();
            c.send("MAIL FROM:<alice@origin.example>").expect("250");
            c.send("RCPT TO:<old@" + DOMAIN + ">").expect("250");
            c.send("DATA").expect("354");
            c.raw("From: Alice <alice@origin.example>\r\nTo: old@forward.example\r\nSubject: Still there?\r\n"
                    + "\r\nWrite back  to my new address.\r\n.\r\n");
            c.expect("250");
        }
        String relayed = relayed(before);
        assertThat(relayed).startsWith("ARC-Seal: i=1; cv=none; a=rsa-sha256; d=forward.example; s=arc1;");
        assertThat(relayed).contains("ARC-Authentication-Results: i=1; mx.forward.example;");
        assertThat(relayed.indexOf("ARC-Authentication-Results:"))
                .isLessThan(relayed.indexOf("Authentication-Results: mx.forward.example;", 3));
        ArcDkimpy.Verdict dkimpy = ArcDkimpy.verify(relayed, List.of(), records());
        assertThat(dkimpy.pass()).as(dkimpy.output()).isTrue();
    }

    @Test
    void submittedMailIsNotSealedWhateverItClaims() throws Exception {
        int before = REMOTE.to("bob@elsewhere.example").size();
        try (SmtpClient c = new SmtpClient(servers.port(ListenerKind.SUBMISSION))) {
            c.expect("220");
            c.send("EHLO laptop").reply();
            c.send("STARTTLS").expect("220");
            c.startTls();
            c.send("EHLO laptop").reply();
            c.send("AUTH PLAIN " + Base64.getEncoder().encodeToString(
                    ("\0bob@" + DOMAIN + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8))).expect("235");
            c.send("MAIL FROM:<bob@" + DOMAIN + ">").expect("250");
            c.send("RCPT TO:<bob@elsewhere.example>").expect("250");
            c.send("RCPT TO:<bob@" + DOMAIN + ">").expect("250"); // a recipient whose domain has a key
            c.send("DATA").expect("354");
            c.raw("Authentication-Results: mx.forward.example; dmarc=pass header.from=bank.example\r\n"
                    + "From: Bob <bob@forward.example>\r\nSubject: Mine\r\n\r\nHi.\r\n.\r\n");
            c.expect("250");
        }
        String relayed = relayed(before);
        assertThat(relayed).startsWith("DKIM-Signature:").doesNotContain("ARC-Seal");
    }
}
