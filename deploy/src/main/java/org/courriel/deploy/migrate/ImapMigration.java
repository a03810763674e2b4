package org.courriel.deploy.migrate;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.mailbox.MailboxService;
import org.courriel.store.message.Flags;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Copies an account of another IMAP server into a Courriel account: every folder that holds messages (see
 * {@link FolderMapping}), each message's bytes as {@code BODY.PEEK[]} returns them (the old server's \Seen
 * flags stay as they were), its system flags and keywords, and its INTERNALDATE. A message already in the
 * target mailbox ({@link MessageKey}) is skipped, so a re-run copies only what is missing. Each message is
 * appended on its own and acknowledged by the store before the next is read.
 */
@Component
@EnableConfigurationProperties(MigrationProperties.class)
public class ImapMigration {

    private static final Logger log = LoggerFactory.getLogger(ImapMigration.class);

    private final AccountService accounts;
    private final MailboxService mailboxes;
    private final MessageService messages;
    private final MigrationProperties properties;

    public ImapMigration(AccountService accounts, MailboxService mailboxes, MessageService messages,
            MigrationProperties properties) {
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * Runs the migration.
     *
     * @param limit  most messages to copy in this run (the rest waits for the next), or 0 for all
     * @param dryRun count only: no mailbox created, nothing copied
     * @throws StoreException NOT_FOUND for an unknown account, INVALID for a refused login, UNAVAILABLE for an
     *                        old server that cannot be reached or stops answering
     */
    public MigrationReport migrate(ImapSource source, String password, String address, int limit, boolean dryRun) {
        AccountInfo account = accounts.find(address)
                .orElseThrow(() -> StoreException.notFound("account " + address));
        IMAPStore store = connect(source, password);
        try {
            List<MigrationReport.Folder> done = new ArrayList<>();
            int budget = limit > 0 ? limit : Integer.MAX_VALUE;
            for (Folder listed : store.getDefaultFolder().list("*")) {
                IMAPFolder folder = (IMAPFolder) listed;
                if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0 || isNoselect(folder)) {
                    continue;
                }
                MigrationReport.Folder copied = copyFolder(folder, account.id(), budget, dryRun);
                budget -= copied.copied();
                done.add(copied);
            }
            boolean complete = done.stream().allMatch(f -> f.left() == 0);
            return new MigrationReport(source.toString(), account.address(), dryRun, complete, done);
        } catch (MessagingException e) {
            throw failure(source, e);
        } finally {
            close(store);
        }
    }

    private MigrationReport.Folder copyFolder(IMAPFolder folder, long accountId, int budget, boolean dryRun)
            throws MessagingException {
        FolderMapping.Target target = FolderMapping.map(folder.getFullName(), folder.getSeparator(),
                folder.getAttributes());
        MailboxInfo mailbox = dryRun ? existing(accountId, target) : existingOrCreated(accountId, target);
        if (mailbox != null && !dryRun) {
            copySubscription(folder, accountId, mailbox.name());
        }
        Set<MessageKey> present = mailbox == null ? new HashSet<>() : keys(mailbox.id());
        String to = mailbox == null ? target.name() : mailbox.name();
        folder.open(Folder.READ_ONLY);
        try {
            Message[] all = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE); // Angus fetches INTERNALDATE and RFC822.SIZE with it
            profile.add(FetchProfile.Item.FLAGS);
            folder.fetch(all, profile);
            int copied = 0;
            int already = 0;
            int tooLarge = 0;
            int left = 0;
            for (Message message : all) {
                MessageKey key = new MessageKey(messageId(message), message.getSize(),
                        message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant());
                if (present.contains(key)) {
                    already++;
                } else if (message.getSize() > properties.maxMessageSize().toBytes()) {
                    tooLarge++;
                } else if (copied < budget) {
                    if (!dryRun) {
                        messages.append(mailbox.id(), content(folder, message), flags(message), key.internalDate());
                    }
                    present.add(key);
                    copied++;
                } else {
                    left++;
                }
            }
            return new MigrationReport.Folder(folder.getFullName(), to, copied, already, tooLarge, left);
        } finally {
            folder.close(false);
        }
    }

    /**
     * A folder subscribed on the old server (its LSUB, RFC 3501 §6.3.9) is subscribed here too, also when its
     * mailbox existed already; one the run creates is subscribed anyway. A refused subscription (the account's
     * limit) does not stop the copy.
     */
    private void copySubscription(IMAPFolder folder, long accountId, String name) throws MessagingException {
        if (!folder.isSubscribed()) {
            return;
        }
        try {
            mailboxes.subscribe(accountId, name);
        } catch (StoreException e) {
            log.info("Migration: {} not subscribed: {}", name, e.getMessage());
        }
    }

    /** The mailbox of the target's special use, else of its name; created when missing. */
    private MailboxInfo existingOrCreated(long accountId, FolderMapping.Target target) {
        MailboxInfo found = existing(accountId, target);
        return found != null ? found : mailboxes.create(accountId, target.name(), target.specialUse(), true);
    }

    private MailboxInfo existing(long accountId, FolderMapping.Target target) {
        List<MailboxInfo> all = mailboxes.list(accountId);
        if (target.specialUse() != null) {
            for (MailboxInfo m : all) {
                if (m.specialUse() == target.specialUse()) {
                    return m;
                }
            }
        }
        return mailboxes.find(accountId, target.name()).orElse(null);
    }

    private Set<MessageKey> keys(long mailboxId) {
        Set<MessageKey> keys = new HashSet<>();
        messages.scan(mailboxId, UidSet.ALL, MessageFields.SUMMARY, m -> keys.add(new MessageKey(
                m.summary() == null ? null : m.summary().envelope().messageId(), m.size(), m.internalDate())));
        return keys;
    }

    /** The whole message as the old server holds it, without setting \Seen there (RFC 9051 §6.4.5). */
    private static byte[] content(IMAPFolder folder, Message message) throws MessagingException {
        int number = message.getMessageNumber();
        BODY body = (BODY) folder.doCommand(protocol -> protocol.peekBody(number, null));
        if (body == null || body.getByteArray() == null) {
            throw new MessagingException("the old server sent no content for message " + number + " of "
                    + folder.getFullName());
        }
        ByteArray bytes = body.getByteArray();
        return bytes.getNewBytes();
    }

    private static String messageId(Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        return ids == null || ids.length == 0 ? null : ids[0];
    }

    /** System flags by their IMAP names and keywords; \Recent is the old server's session state, not copied. */
    static Flags flags(Message message) throws MessagingException {
        jakarta.mail.Flags given = message.getFlags();
        List<String> names = new ArrayList<>();
        for (jakarta.mail.Flags.Flag flag : given.getSystemFlags()) {
            String name = systemName(flag);
            if (name != null) {
                names.add(name);
            }
        }
        for (String keyword : given.getUserFlags()) {
            names.add(keyword);
        }
        return Flags.fromNames(names);
    }

    private static String systemName(jakarta.mail.Flags.Flag flag) {
        if (flag == jakarta.mail.Flags.Flag.SEEN) {
            return "\\Seen";
        } else if (flag == jakarta.mail.Flags.Flag.ANSWERED) {
            return "\\Answered";
        } else if (flag == jakarta.mail.Flags.Flag.FLAGGED) {
            return "\\Flagged";
        } else if (flag == jakarta.mail.Flags.Flag.DELETED) {
            return "\\Deleted";
        } else if (flag == jakarta.mail.Flags.Flag.DRAFT) {
            return "\\Draft";
        }
        return null;
    }

    private static boolean isNoselect(IMAPFolder folder) throws MessagingException {
        for (String attribute : folder.getAttributes()) {
            if (attribute.equalsIgnoreCase("\\Noselect") || attribute.equalsIgnoreCase("\\NonExistent")) {
                return true;
            }
        }
        return false;
    }

    private IMAPStore connect(ImapSource source, String password) {
        String protocol = source.tls() == ImapSource.Tls.IMPLICIT ? "imaps" : "imap";
        String timeout = Long.toString(properties.timeout().toMillis());
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "connectiontimeout", timeout);
        p.setProperty(prefix + "timeout", timeout);
        p.setProperty(prefix + "writetimeout", timeout);
        p.setProperty(prefix + "peek", "true");
        if (source.tls() == ImapSource.Tls.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (source.tls() != ImapSource.Tls.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        try {
            IMAPStore store = (IMAPStore) Session.getInstance(p).getStore(protocol);
            store.connect(source.host(), source.port(), source.user(), password);
            return store;
        } catch (AuthenticationFailedException e) {
            throw new StoreException(StoreException.Reason.INVALID, source + " refused the login of " + source.user()
                    + " (" + oneLine(e.getMessage()) + ")", e);
        } catch (MessagingException e) {
            throw failure(source, e);
        }
    }

    private StoreException failure(ImapSource source, MessagingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        String why;
        java.time.Duration timeout = properties.timeout();
        if (cause instanceof UnknownHostException) {
            why = "unknown host " + source.host();
        } else if (cause instanceof ConnectException) {
            why = "cannot connect (" + oneLine(cause.getMessage()) + ")";
        } else if (cause instanceof SocketTimeoutException) {
            why = "no answer within " + timeout.toSeconds() + " s (courriel.migrate.timeout)";
        } else {
            why = oneLine(cause.getMessage() != null ? cause.getMessage() : cause.toString());
        }
        return new StoreException(StoreException.Reason.UNAVAILABLE, source + ": " + why, e);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static void close(IMAPStore store) {
        try {
            store.close();
        } catch (MessagingException e) {
            // the copy is complete or has failed already; a failing LOGOUT changes neither
        }
    }
}
