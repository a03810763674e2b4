package org.courriel.deploy.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.courriel.CourrielApplication;
import org.courriel.deploy.cli.AdminCli;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.store.account.AccountService;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code courriel migrate} from Debian's Dovecot on loopback, filled through Angus Mail's APPEND with corpus
 * messages in several folders, with flags, keywords and internal dates: every message arrives byte for byte
 * with its flags and date, in the folder the hierarchy and special use say; an interrupted run (a message
 * limit) is completed by the next without a duplicate; the old server's refusals are one line each.
 */
@SpringBootTest(classes = CourrielApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "courriel.data-dir=target/test-data/imap-migration", "courriel.listeners.enabled=false",
        "courriel.queue.workers=false", "courriel.admin.socket.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:imap-migration;DB_CLOSE_DELAY=-1"})
class ImapMigrationTest {

    private static final String PASSWORD = "old-secret";
    private static final String[] CORPUS = {"body.1.txt", "body.2.txt", "simple-multipart.eml", "japanese.txt",
            "multipart-digest.txt", "delivery-status.txt", "rfc2060.txt", "epilogue.txt", "issue358.txt",
            "simple-embedded-message.eml"};

    private static Path dir;
    private static DovecotServer dovecot;
    /** What was appended to Dovecot: folder name there, then each message. */
    private static final Map<String, List<Appended>> SOURCE = new LinkedHashMap<>();

    record Appended(byte[] bytes, Set<String> flags, Instant internalDate) {
    }

    @Autowired
    AdminCli cli;
    @Autowired
    AccountService accounts;
    @Autowired
    MailboxService mailboxes;
    @Autowired
    MessageService messages;

    @BeforeAll
    static void oldServer() throws Exception {
        dir = Files.createTempDirectory("courriel-dovecot");
        dovecot = DovecotServer.start(dir, "alice", PASSWORD);
        SOURCE.put("INBOX", new ArrayList<>());
        SOURCE.put("Sent Messages", new ArrayList<>());
        SOURCE.put("Work.Projects", new ArrayList<>());
        SOURCE.put("Archive", new ArrayList<>());
        SOURCE.put("Lists", new ArrayList<>());
        List<String> folders = new ArrayList<>(SOURCE.keySet());
        for (int i = 0; i < CORPUS.length; i++) {
            String folder = folders.get(i % folders.size());
            Set<String> flags = switch (i % 4) {
                case 0 -> Set.of("\\Seen");
                case 1 -> Set.of("\\Seen", "\\Answered", "$Forwarded");
                case 2 -> Set.of("\\Flagged", "project-x", "$Label1");
                default -> Set.of();
            };
            SOURCE.get(folder).add(new Appended(crlf(corpus(CORPUS[i])), flags,
                    Instant.parse("2019-03-04T10:15:00Z").plusSeconds(86_400L * i + i)));
        }
        // No Message-ID, and the same size and date as nothing else: still copied once.
        SOURCE.get("Lists").add(new Appended(crlf("From: a@example.net\nSubject: no id\n\nbody\n"
                .getBytes(StandardCharsets.US_ASCII)), Set.of("\\Draft"), Instant.parse("2020-01-01T00:00:00Z")));
        SOURCE.get("INBOX").add(new Appended(large(), Set.of(), Instant.parse("2021-06-30T23:59:59Z")));
        try (IMAPStore store = connect()) {
            for (Map.Entry<String, List<Appended>> e : SOURCE.entrySet()) {
                IMAPFolder folder = (IMAPFolder) store.getFolder(e.getKey());
                if (!folder.exists()) {
                    folder.create(Folder.HOLDS_MESSAGES);
                }
                List<Message> appended = new ArrayList<>();
                for (Appended a : e.getValue()) {
                    appended.add(message(store, a));
                }
                folder.appendMessages(appended.toArray(Message[]::new));
            }
            ((IMAPFolder) store.getFolder("Archive")).setSubscribed(true);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        dovecot.close();
    }

    @Test
    void copiesEveryFolderMessageFlagAndDateAndAResumedRunDuplicatesNothing() throws Exception {
        account("bob@example.org");
        mailboxes.unsubscribe(accounts.find("bob@example.org").orElseThrow().id(), "Archive");
        String uri = "imap://alice@127.0.0.1:" + dovecot.port;
        int total = SOURCE.values().stream().mapToInt(List::size).sum();

        Result first = run(PASSWORD, "migrate", uri, "bob@example.org", "--tls", "none", "--limit", "5");
        assertThat(first.exit).as(first.err + dovecot.log()).isZero();
        assertThat(first.out).contains("5 messages copied").contains("run again to copy the rest");
        assertThat(count()).isEqualTo(5);

        Result dry = run(PASSWORD, "migrate", uri, "bob@example.org", "--tls", "none", "--dry-run");
        assertThat(dry.exit).as(dry.err).isZero();
        assertThat(dry.out).contains("dry run: " + (total - 5) + " messages to copy, 5 already there");
        assertThat(count()).isEqualTo(5);

        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Result rest = run(null, "migrate", uri, "bob@example.org", "--tls", "none", "--password-file",
                passwordFile.toString());
        assertThat(rest.exit).as(rest.err).isZero();
        assertThat(rest.out).contains((total - 5) + " messages copied, 5 already there")
                .contains("Sent Messages -> Sent: ").contains("Work.Projects -> Work/Projects: ")
                .contains("Archive -> Archive: ").doesNotContain("run again");

        Result again = run(PASSWORD, "migrate", uri, "bob@example.org", "--tls", "none");
        assertThat(again.out).contains("0 messages copied, " + total + " already there");
        assertThat(count()).isEqualTo(total);

        long account = accounts.find("bob@example.org").orElseThrow().id();
        for (Map.Entry<String, List<Appended>> e : SOURCE.entrySet()) {
            String target = switch (e.getKey()) {
                case "Sent Messages" -> "Sent";
                case "Work.Projects" -> "Work/Projects";
                default -> e.getKey();
            };
            MailboxInfo mailbox = mailboxes.get(account, target);
            List<MessageRecord> stored = new ArrayList<>();
            messages.scan(mailbox.id(), UidSet.ALL, MessageFields.BASIC, stored::add);
            assertThat(stored).as(target).hasSameSizeAs(e.getValue());
            for (Appended a : e.getValue()) {
                MessageRecord m = stored.stream().filter(r -> r.internalDate().equals(a.internalDate()))
                        .findFirst().orElseThrow(() -> new AssertionError("no message of " + a.internalDate()
                                + " in " + target));
                assertThat(messages.content(m.contentId())).as("bytes in " + target).isEqualTo(a.bytes());
                assertThat(new TreeSet<>(m.flags().names())).as("flags in " + target)
                        .isEqualTo(new TreeSet<>(a.flags()));
            }
        }
        assertThat(mailboxes.find(account, "Sent Messages")).isEmpty();
        assertThat(mailboxes.subscriptions(account)).as("migrated folders show in clients").contains("Work/Projects")
                .as("a subscription on the old server is copied").contains("Archive");
    }

    @Test
    void importOfAnImapUriIsTheMigrationWithItsOptions() throws Exception {
        account("erin@example.org");
        String uri = "imap://alice@127.0.0.1:" + dovecot.port;
        int total = SOURCE.values().stream().mapToInt(List::size).sum();

        Result first = run(PASSWORD, "import", uri, "erin@example.org", "--tls", "none", "--limit", "3");
        assertThat(first.exit).as(first.err + dovecot.log()).isZero();
        assertThat(first.out).contains("3 messages copied").contains("run again to copy the rest");
        assertThat(count("erin@example.org")).isEqualTo(3);

        Result dry = run(PASSWORD, "import", uri, "erin@example.org", "--tls", "none", "--dry-run");
        assertThat(dry.out).contains("dry run: " + (total - 3) + " messages to copy, 3 already there");

        Path passwordFile = dir.resolve("password-erin");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Result rest = run(null, "import", uri, "erin@example.org", "--tls", "none", "--password-file",
                passwordFile.toString());
        assertThat(rest.exit).as(rest.err).isZero();
        assertThat(rest.out).contains((total - 3) + " messages copied, 3 already there")
                .contains("Sent Messages -> Sent: ");
        assertThat(count("erin@example.org")).isEqualTo(total);

        Result format = run(PASSWORD, "import", uri, "erin@example.org", "--format", "mbox");
        assertThat(format.exit).isEqualTo(ExitCode.USAGE.code);
        assertThat(format.err).contains("--format is for Maildir and mbox files");
        Result alone = run(PASSWORD, "import", uri);
        assertThat(alone.exit).isEqualTo(ExitCode.USAGE.code);
        assertThat(alone.err).contains("import imap:// takes a URI and an address");
    }

    @Test
    void aWrongPasswordAndAnUnreachableServerAreOneLineEach() throws Exception {
        account("carol@example.org");
        Result wrong = run("not-it", "migrate", "imap://alice@127.0.0.1:" + dovecot.port, "carol@example.org",
                "--tls", "none");
        assertThat(wrong.exit).isEqualTo(ExitCode.REFUSED.code);
        assertThat(wrong.err.lines()).singleElement().asString()
                .startsWith("error: imap://alice@127.0.0.1:" + dovecot.port + " refused the login of alice");

        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Result unreachable = run(PASSWORD, "migrate", "imap://alice@127.0.0.1:" + closed, "carol@example.org",
                "--tls", "none");
        assertThat(unreachable.exit).isEqualTo(ExitCode.UNAVAILABLE.code);
        assertThat(unreachable.err.lines()).singleElement().asString()
                .startsWith("error: imap://alice@127.0.0.1:" + closed + ": cannot connect");

        Result inUri = run(null, "migrate", "imap://alice:pw@127.0.0.1", "carol@example.org");
        assertThat(inUri.exit).isEqualTo(ExitCode.USAGE.code);
        assertThat(inUri.err).startsWith("the password goes in --password-file or standard input");
    }

    @Test
    void withoutARunningServerTheCommandLineMigratesOnItsOwnContext() throws Exception {
        Path data = Files.createTempDirectory("courriel-migrate-cli");
        String db = "--courriel.data-dir=" + data;
        String[] domain = runOnItsOwn("", db, "domain", "add", "example.net");
        assertThat(domain[0]).as(domain[2]).isEqualTo("0");
        String[] user = runOnItsOwn("", db, "user", "add", "dan@example.net", "--password", "new-secret");
        assertThat(user[0]).as(user[2]).isEqualTo("0");
        String[] first = runOnItsOwn(PASSWORD + "\n", db, "migrate", "imap://alice@127.0.0.1:" + dovecot.port,
                "dan@example.net", "--tls", "none", "--limit", "2", "--json");
        assertThat(first[0]).as(first[2]).isEqualTo("0");
        assertThat(first[1].replaceAll("\\s", "")).contains("\"account\":\"dan@example.net\"")
                .contains("\"complete\":false").contains("\"copied\":2");
        // The other spelling goes on where the first run stopped: the same migration.
        int total = SOURCE.values().stream().mapToInt(List::size).sum();
        String[] rest = runOnItsOwn(PASSWORD + "\n", db, "import", "imap://alice@127.0.0.1:" + dovecot.port,
                "dan@example.net", "--tls", "none", "--json");
        assertThat(rest[0]).as(rest[2]).isEqualTo("0");
        assertThat(rest[1].replaceAll("\\s", "")).contains("\"complete\":true");
        String[] again = runOnItsOwn(PASSWORD + "\n", db, "migrate", "imap://alice@127.0.0.1:" + dovecot.port,
                "dan@example.net", "--tls", "none");
        assertThat(again[1]).as(again[2]).contains("0 messages copied, " + total + " already there");
    }

    /** The command line with no server running: exit code, standard output, standard error. */
    private static String[] runOnItsOwn(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = org.courriel.deploy.cli.AdminCliRunner.run(AdminCommandLine.parse(args),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(exit), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    /** A new account of example.org, the domain added by whichever test runs first. */
    private void account(String address) {
        if (run(null, "domain", "list").out.lines().noneMatch(
                l -> l.startsWith("example.org"))) {
            assertThat(run(null, "domain", "add", "example.org").exit).isZero();
        }
        Result added = run(null, "user", "add", address, "--password", "new-secret");
        assertThat(added.exit).as(added.err).isZero();
    }

    private long count() {
        return count("bob@example.org");
    }

    private long count(String address) {
        long account = accounts.find(address).orElseThrow().id();
        return mailboxes.list(account).stream().mapToLong(m -> messages.uids(m.id()).length).sum();
    }

    record Result(int exit, String out, String err) {
    }

    /** The command as the command line and the admin socket both carry it out, {@code stdin} its input. */
    private Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> lines = stdin == null ? List.of() : List.of(stdin);
        java.util.Iterator<String> input = lines.iterator();
        Supplier<String> in = () -> input.hasNext() ? input.next() : null;
        CliIo io = new CliIo(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), in, false);
        int exit = cli.run(AdminCommandLine.parse(args), io).code;
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static IMAPStore connect() throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.imap.connectiontimeout", "10000");
        p.setProperty("mail.imap.timeout", "10000");
        IMAPStore store = (IMAPStore) Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", dovecot.port, "alice", PASSWORD);
        return store;
    }

    /** The bytes as they are, with the flags and the internal date APPEND gives them (RFC 9051 §6.3.12). */
    private static Message message(IMAPStore store, Appended a) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(a.bytes())) {
            @Override
            public Date getReceivedDate() {
                return Date.from(a.internalDate());
            }
        };
        Flags flags = new Flags();
        for (String f : a.flags()) {
            switch (f) {
                case "\\Seen" -> flags.add(Flags.Flag.SEEN);
                case "\\Answered" -> flags.add(Flags.Flag.ANSWERED);
                case "\\Flagged" -> flags.add(Flags.Flag.FLAGGED);
                case "\\Draft" -> flags.add(Flags.Flag.DRAFT);
                default -> flags.add(f);
            }
        }
        m.setFlags(flags, true);
        return m;
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = ImapMigrationTest.class.getResourceAsStream("/corpus/mime/" + name)) {
            if (in == null) {
                throw new AssertionError("corpus message " + name + " missing from the mailstore test-jar");
            }
            return in.readAllBytes();
        }
    }

    /** Line ends as IMAP carries them, so that what Dovecot returns is what was appended. */
    private static byte[] crlf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A 2 MB message: larger than one IMAP literal read of Angus Mail. */
    private static byte[] large() {
        StringBuilder b = new StringBuilder("From: big@example.net\r\nMessage-ID: <large@example.net>\r\n"
                + "Subject: large\r\n\r\n");
        String line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\r\n";
        while (b.length() < 2_000_000) {
            b.append(line);
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
