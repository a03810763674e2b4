package org.courriel.mta.smtp.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.courriel.mta.smtp.SmtpServers;
import org.courriel.mta.smtp.session.ListenerKind;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the end-to-end tests of the SMTP listeners share (and {@code SmtpServerTestSupport} builds on): the
 * listeners on loopback, hosted domains and accounts, one message sent as a remote MTA sends it, and the
 * mailbox contents read back from the store.
 */
public abstract class MxEndToEndSupport {

    /**
     * For {@code @SpringBootTest(properties = ...)}: the MX and submission (no submissions) on ephemeral ports of
     * 127.0.0.1 as {@code mx.hamburger.edu}, the schema validated, AUTH PLAIN allowed on loopback.
     */
    public static final String LOOPBACK_LISTENERS = """
            courriel.hostname=mx.hamburger.edu
            courriel.mx.port=0
            courriel.mx.bind-address=127.0.0.1
            courriel.submission.port=0
            courriel.submission.bind-address=127.0.0.1
            courriel.submissions.enabled=false
            courriel.smtp.allow-plaintext-auth-on-loopback=true
            """;
    public static final String PASSWORD = "correct horse battery";

    @Autowired
    protected SmtpServers servers;
    @Autowired
    protected DomainService domains;
    @Autowired
    protected AccountService accounts;
    @Autowired
    protected MailboxService mailboxes;
    @Autowired
    protected MessageService messages;

    /** Hosts {@code domain} with these accounts (password {@link #PASSWORD}), each created on first use. */
    protected void host(String domain, String... addresses) {
        if (!domains.isLocal(domain)) {
            domains.add(domain);
        }
        for (String a : addresses) {
            accounts.find(a).orElseGet(() -> accounts.create(a, PASSWORD, a, 0));
        }
    }

    protected int mx() {
        return servers.port(ListenerKind.MX);
    }

    /** Sends one message on the MX as {@code client.relay.example}: the refusal of RCPT, or the reply to its data. */
    protected String sendOnMx(String mailFrom, String rcpt, String message) throws Exception {
        try (SmtpClient c = new SmtpClient(mx())) {
            c.expect("220 ");
            c.send("EHLO client.relay.example").reply();
            c.send("MAIL FROM:<" + mailFrom + ">").expect("250 ");
            String rcptReply = c.send("RCPT TO:<" + rcpt + ">").line();
            if (!rcptReply.startsWith("250")) {
                return rcptReply;
            }
            c.send("DATA").expect("354 ");
            c.raw(message + ".\r\n");
            return c.line();
        }
    }

    /** The contents of every message in the account's mailbox {@code name}, in UID order; none if it is absent. */
    protected List<String> folder(String address, String name) {
        AccountInfo account = accounts.find(address).orElseThrow();
        var mailbox = mailboxes.find(account.id(), name);
        List<String> contents = new ArrayList<>();
        if (mailbox.isPresent()) {
            for (long uid : messages.uids(mailbox.get().id())) {
                var record = messages.get(mailbox.get().id(), uid).orElseThrow();
                contents.add(new String(messages.content(record.contentId()), StandardCharsets.UTF_8));
            }
        }
        return contents;
    }
}
