package org.courriel.store.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxName;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Export of an account's folders to Maildir++ or mboxrd files, and import of such files into an account:
 * folders created when missing, flags, keywords and internal dates kept, a message the folder holds already
 * (same bytes) skipped. One message is in memory at a time; the folder's list of UIDs and flags is read first.
 */
@Service
@EnableConfigurationProperties(TransferProperties.class)
public class MailTransfer {

    private final AccountService accounts;
    private final MailboxService mailboxes;
    private final MessageService messages;
    private final StoredCopies copies;
    private final int maxBytes;

    MailTransfer(AccountService accounts, MailboxService mailboxes, MessageService messages, StoredCopies copies,
            TransferProperties properties) {
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.copies = copies;
        this.maxBytes = properties.maxBytes();
    }

    /** Every folder of the account into {@code dir} (created; an existing one must be empty). */
    public TransferReport export(String address, Path dir, TransferFormat format) {
        AccountInfo account = account(address);
        prepareEmpty(dir);
        List<TransferReport.Folder> folders = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            for (MailboxInfo mailbox : mailboxes.list(account.id())) {
                List<MessageRecord> records = new ArrayList<>();
                messages.scan(mailbox.id(), UidSet.ALL, MessageFields.BASIC, records::add);
                if (format == TransferFormat.MAILDIR) {
                    exportMaildir(dir, mailbox, records, warnings);
                } else {
                    exportMbox(dir, mailbox, records);
                }
                folders.add(new TransferReport.Folder(mailbox.name(), records.size(), 0));
            }
        } catch (IOException e) {
            throw StoreException.invalid("cannot write the export to " + dir + ": " + e.getMessage());
        }
        return new TransferReport(account.address(), format.label(), dir.toString(), false, folders, warnings);
    }

    /** Every account into {@code dir/<address>}. */
    public List<TransferReport> exportAll(Path dir, TransferFormat format) {
        prepareEmpty(dir);
        return accounts.list().stream().map(a -> export(a.address(), dir.resolve(a.address()), format)).toList();
    }

    private void exportMaildir(Path root, MailboxInfo mailbox, List<MessageRecord> records, List<String> warnings)
            throws IOException {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        records.forEach(r -> all.addAll(r.flags().keywords()));
        List<String> keywords = new ArrayList<>(all);
        if (keywords.size() > MaildirFlags.MAX_KEYWORDS) {
            warnings.add(mailbox.name() + ": " + (keywords.size() - MaildirFlags.MAX_KEYWORDS)
                    + " keywords past the 26 that Maildir names were left out: " + keywords.subList(
                    MaildirFlags.MAX_KEYWORDS, keywords.size()));
            keywords = keywords.subList(0, MaildirFlags.MAX_KEYWORDS);
        }
        Path cur = MaildirFiles.createFolder(root, mailbox.name(), keywords);
        for (MessageRecord r : records) {
            MaildirFiles.write(cur, mailbox.uidValidity(), r, messages.content(r.contentId()), keywords);
        }
    }

    private void exportMbox(Path root, MailboxInfo mailbox, List<MessageRecord> records) throws IOException {
        Path file = MboxFiles.file(root, mailbox.name());
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (MessageRecord r : records) {
                MboxFiles.append(out, messages.content(r.contentId()), r.flags(), r.internalDate());
            }
        }
    }

    /**
     * Imports a Maildir++ tree, an mbox file or a directory of {@code .mbox} files into the account; with
     * {@code dryRun}, counts what it would import and changes nothing.
     *
     * @param format the files' format, or null to tell by the files: a directory with {@code cur/} or a
     *               {@code .X} folder is Maildir, anything else mbox
     */
    public TransferReport importInto(String address, Path source, TransferFormat format, boolean dryRun) {
        AccountInfo account = account(address);
        if (!Files.exists(source)) {
            throw StoreException.invalid(source + " does not exist");
        }
        TransferFormat actual = format != null ? format : detect(source);
        if (actual == TransferFormat.MAILDIR && !Files.isDirectory(source)) {
            throw StoreException.invalid(source + " is not a Maildir directory");
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, MailboxInfo> folders = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        try {
            ImportSink into = new ImportSink() {
                @Override
                public void folder(String name) {
                    String folder = MailboxName.normalize(name);
                    counts.computeIfAbsent(folder, f -> new long[2]);
                    MailboxInfo mailbox = folders.computeIfAbsent(folder, f -> mailboxes.find(account.id(), f).orElse(null));
                    if (mailbox == null && !dryRun) {
                        folders.put(folder, mailboxes.create(account.id(), folder, null, true));
                    }
                }

                @Override
                public void message(Incoming m) {
                    long[] count = counts.get(MailboxName.normalize(m.folder()));
                    if (m.bytes() == null) {
                        warnings.add(m.origin() + ": a message larger than courriel.transfer.max-message-size, not imported");
                        return;
                    }
                    MailboxInfo mailbox = folders.get(MailboxName.normalize(m.folder()));
                    if (mailbox != null && copies.holds(mailbox.id(), StoredCopies.sha256(m.bytes()))) {
                        count[1]++;
                        return;
                    }
                    count[0]++;
                    if (!dryRun) {
                        messages.append(mailbox.id(), m.bytes(), m.flags(), m.internalDate());
                    }
                }
            };
            if (actual == TransferFormat.MAILDIR) {
                MaildirFiles.read(source, maxBytes, into);
            } else {
                MboxFiles.read(source, maxBytes, into);
            }
        } catch (IOException | UncheckedIOException e) {
            throw StoreException.invalid("cannot read " + source + ": " + e.getMessage());
        }
        List<TransferReport.Folder> report = counts.entrySet().stream()
                .map(e -> new TransferReport.Folder(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new TransferReport(account.address(), actual.label(), source.toString(), dryRun, report, warnings);
    }

    static TransferFormat detect(Path source) {
        if (!Files.isDirectory(source)) {
            return TransferFormat.MBOX;
        }
        if (Files.isDirectory(source.resolve("cur")) || Files.isDirectory(source.resolve("new"))) {
            return TransferFormat.MAILDIR;
        }
        return TransferFormat.MBOX;
    }

    private AccountInfo account(String address) {
        return accounts.find(address).orElseThrow(() -> StoreException.notFound("account " + address));
    }

    /** A new or empty directory: an export never mixes with other files. */
    private static void prepareEmpty(Path dir) {
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw StoreException.invalid(dir + " is not a directory");
                }
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw StoreException.invalid(dir + " is not empty; export into a new directory");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw StoreException.invalid("cannot create " + dir + ": " + e.getMessage());
        }
    }
}
