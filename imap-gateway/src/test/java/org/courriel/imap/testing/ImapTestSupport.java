package org.courriel.imap.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.courriel.imap.ImapTestApplication;
import org.courriel.imap.server.ImapServer;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.DomainService;
import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.AppendResult;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageService;
import org.courriel.store.testing.FailOnErrorLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A running gateway on 127.0.0.1 over H2, and a fresh account per test. */
@SpringBootTest(classes = ImapTestApplication.class)
public abstract class ImapTestSupport {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    protected static final String PASSWORD = "correct horse battery";

    @Autowired
    protected ImapServer server;
    @Autowired
    protected DomainService domains;
    @Autowired
    protected AccountService accounts;
    @Autowired
    protected MailboxService mailboxes;
    @Autowired
    protected MessageService messages;
    @Autowired
    protected org.courriel.store.acl.MailboxAcl acl;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meterRegistry;

    protected AccountInfo account;
    protected String user;

    /** The suite fails on any unexpected server-side error (a bug answered with NO [SERVERBUG] is still a bug). */
    @RegisterExtension
    final FailOnErrorLogs serverErrors = new FailOnErrorLogs();

    /** For the test that checks how a bug is answered: server errors are then part of the expectation. */
    protected java.util.List<String> expectServerErrors() {
        return serverErrors.expectErrors();
    }

    @BeforeEach
    void createAccount() {
        String domain = "d" + COUNTER.incrementAndGet() + "-" + System.nanoTime() + ".example.org";
        domains.add(domain);
        user = "bob@" + domain;
        account = accounts.create(user, PASSWORD, "Bob", 0);
    }

    protected io.micrometer.core.instrument.MeterRegistry meters() {
        return meterRegistry;
    }

    protected int port() {
        return server.port();
    }

    /** Appends a small message as a delivery would, to the account's mailbox {@code name}. */
    protected AppendResult deliver(String mailbox, String subject) {
        return messages.append(mailboxes.get(account.id(), mailbox).id(), message(subject), Flags.NONE, Instant.now());
    }

    protected static byte[] message(String subject) {
        return ("From: Alice <alice@example.com>\r\n"
                + "To: Bob <bob@example.org>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                + "Message-ID: <" + subject.replace(' ', '.') + "@example.com>\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "\r\n"
                + "Hello, this is " + subject + ".\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs a transcript from test resources with ${user}, ${password} and ${plain} (SASL PLAIN) set. */
    protected void transcript(String name) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("user", user);
        vars.put("password", PASSWORD);
        vars.put("plain", Base64.getEncoder().encodeToString(("\0" + user + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        new Transcript(port(), vars, this::hook).run(Transcript.resource(name));
    }

    /**
     * {@code !append MAILBOX SUBJECT...}, {@code !fill MAILBOX N}, {@code !create NAME} (and subscribe it and its
     * parents), {@code !remember MAILBOX},
     * {@code !quota BYTES} (the account's storage quota; 0: none), {@code !user NAME} (another account of the
     * domain, address in {@code ${NAME}}), {@code !shared NAME ACCOUNT=RIGHTS...} (a domain-shared mailbox and its
     * grants), {@code !deliver VARIABLE SUBJECT} (a message into that address's INBOX).
     */
    protected void hook(String command, String argument, Map<String, String> variables) throws Exception {
        String[] parts = argument.split(" ", 2);
        switch (command) {
            case "append" -> deliver(parts[0], parts[1]);
            case "fill" -> {
                for (int i = 1; i <= Integer.parseInt(parts[1]); i++) {
                    deliver(parts[0], "message " + i);
                }
            }
            case "create" -> {
                // created and subscribed with its parents, as a client that subscribes what it creates
                mailboxes.create(account.id(), argument, null);
                mailboxes.subscribe(account.id(), argument);
                MailboxName.parents(argument).forEach(p -> mailboxes.subscribe(account.id(), p));
            }
            case "remember" -> {
                var status = mailboxes.status(mailboxes.get(account.id(), argument).id());
                variables.put("uidvalidity", String.valueOf(status.uidValidity()));
                variables.put("modseq", String.valueOf(status.highestModseq()));
            }
            case "quota" -> accounts.setQuota(user, Long.parseLong(argument));
            case "user" -> {
                // another account of the test's domain, its address in ${NAME}
                String address = argument + user.substring(user.indexOf('@'));
                accounts.create(address, PASSWORD, argument, 0);
                variables.put(argument, address);
            }
            case "shared" -> {
                // a domain-shared mailbox NAME@domain, and each ACCOUNT=RIGHTS grant on it (ACCOUNT: a variable)
                String[] words = argument.split(" ");
                var shared = accounts.createShared(words[0] + user.substring(user.indexOf('@')), words[0], 0);
                long inbox = mailboxes.inboxId(shared.id());
                for (int i = 1; i < words.length; i++) {
                    String[] grant = words[i].split("=", 2);
                    acl.set(inbox, variables.getOrDefault(grant[0], grant[0]),
                            org.courriel.store.acl.Rights.parse(grant[1]));
                }
                variables.put(words[0], shared.address());
            }
            case "deliver" -> {
                // !deliver ADDRESS-VARIABLE SUBJECT: into that account's INBOX, as SMTP would
                var target = accounts.find(variables.get(parts[0])).orElseThrow();
                messages.append(mailboxes.inboxId(target.id()), message(parts[1]), Flags.NONE, Instant.now());
            }
            default -> throw new IllegalArgumentException("unknown hook " + command);
        }
    }
}
