package org.courriel.store.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.courriel.store.StoreException;
import org.courriel.store.StoreProperties;
import org.courriel.store.acl.Right;
import org.courriel.store.acl.Rights;
import org.courriel.store.commit.GroupCommitter;
import org.courriel.store.commit.StoreTransaction;
import org.courriel.store.content.ContentStore;
import org.courriel.store.content.MessageContent;
import org.courriel.store.disk.FreeSpaceGuard;
import org.courriel.store.mime.MessageSummary;
import org.springframework.stereotype.Service;

/**
 * The messages of mailboxes, as the protocols use them. Every change (append, delivery, copy, move, flags,
 * expunge) is one {@link MessageWriter} call in a unit of the group committer, so it is durable when the
 * method returns and its events go out after commit; a user's Junk classification (into or out of Junk,
 * {@code $Junk}, {@code $NotJunk}) is recorded for spam training in the same unit ({@link TrainingHook}); reads stream. Mailbox ids come from
 * {@link org.courriel.store.mailbox.MailboxService}, which resolves them per account: this service trusts them.
 */
@Service
public class MessageService {

    private final GroupCommitter committer;
    private final MessageWriter writer;
    private final MessageReader reader;
    private final ContentStore contents;
    private final FreeSpaceGuard freeSpace;
    private final int maxSummaryField;
    private final TrainingHook training;
    private final MessageAttributes attributes;

    public MessageService(GroupCommitter committer, MessageWriter writer, MessageReader reader, ContentStore contents,
            FreeSpaceGuard freeSpace, StoreProperties properties, TrainingHook training, MessageAttributes attributes) {
        this.committer = committer;
        this.attributes = attributes;
        this.training = training;
        this.freeSpace = freeSpace;
        this.writer = writer;
        this.reader = reader;
        this.contents = contents;
        this.maxSummaryField = properties.summaryFieldLimit();
    }

    /**
     * APPEND (RFC 9051 §6.3.12): stores the exact bytes with the given flags; refused past the quota
     * ({@code OVER_QUOTA}) or while the disk is nearly full ({@code STORAGE_FULL}).
     */
    public AppendResult append(long mailboxId, byte[] message, Flags flags, Instant internalDate) {
        MessageContent content = MessageContent.of(message, maxSummaryField);
        return committer.execute(tx -> {
            freeSpace.checkRoomForNewMail();
            return training.appended(flags, writer.append(mailboxId, content, flags, internalDate, tx::afterCommit));
        });
    }

    /** One message of a {@link #appendAll} (IMAP MULTIAPPEND): its bytes, flags and internal date. */
    public record NewMessage(byte[] message, Flags flags, Instant internalDate) {
    }

    /**
     * MULTIAPPEND (RFC 3502 §3): several messages into one mailbox in one transaction, all or none; the quota
     * counts them together, so the one that goes past it refuses them all ({@code OVER_QUOTA}). UIDs ascend in
     * the order given.
     */
    public List<AppendResult> appendAll(long mailboxId, List<NewMessage> batch) {
        List<MessageContent> parsed = batch.stream().map(m -> MessageContent.of(m.message(), maxSummaryField)).toList();
        return committer.execute(tx -> {
            freeSpace.checkRoomForNewMail();
            List<AppendResult> results = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                NewMessage m = batch.get(i);
                results.add(training.appended(m.flags(),
                        writer.append(mailboxId, parsed.get(i), m.flags(), m.internalDate(), tx::afterCommit)));
            }
            return List.copyOf(results);
        });
    }

    // ---- the same operations for a user who holds these rights on the mailboxes (RFC 4314 §4). The rights
    // come from org.courriel.store.mailbox.MailboxAccess, which resolved the mailbox for the account.

    /** APPEND with "i" on the mailbox; the flags the rights do not cover are dropped, not refused (RFC 4314 §4). */
    public AppendResult append(long mailboxId, Rights rights, byte[] message, Flags flags, Instant internalDate) {
        require(rights, Right.INSERT);
        return append(mailboxId, message, FlagRights.permitted(rights, flags), internalDate);
    }

    /** MULTIAPPEND with "i" on the mailbox, flags as {@link #append(long, Rights, byte[], Flags, Instant)}. */
    public List<AppendResult> appendAll(long mailboxId, Rights rights, List<NewMessage> batch) {
        require(rights, Right.INSERT);
        return appendAll(mailboxId, batch.stream().map(m -> new NewMessage(m.message(),
                FlagRights.permitted(rights, m.flags()), m.internalDate())).toList());
    }

    /** COPY with "i" on the destination; the copies keep only the flags its rights cover (RFC 4314 §4). */
    public CopyResult copy(long sourceMailboxId, UidSet uids, long destinationMailboxId, Rights destinationRights) {
        require(destinationRights, Right.INSERT);
        return committer.execute(tx -> training.copied(sourceMailboxId, destinationMailboxId,
                writer.copy(sourceMailboxId, uids, destinationMailboxId,
                        f -> FlagRights.permitted(destinationRights, f), tx::afterCommit)));
    }

    /**
     * MOVE with the rights of UID STORE \Deleted and UID EXPUNGE on the source ("t", "e") and of COPY on the
     * destination (RFC 6851 §4.2).
     */
    public CopyResult move(long sourceMailboxId, Rights sourceRights, UidSet uids, long destinationMailboxId,
            Rights destinationRights) {
        require(sourceRights, Right.DELETE_MESSAGES);
        require(sourceRights, Right.EXPUNGE);
        require(destinationRights, Right.INSERT);
        return committer.execute(tx -> training.copied(sourceMailboxId, destinationMailboxId,
                writer.move(sourceMailboxId, uids, destinationMailboxId,
                        f -> FlagRights.permitted(destinationRights, f), tx::afterCommit)));
    }

    /** EXPUNGE with "e" (RFC 4314 §4). */
    public List<Long> expunge(long mailboxId, Rights rights, UidSet uids) {
        require(rights, Right.EXPUNGE);
        return expunge(mailboxId, uids);
    }

    /**
     * STORE of the flags the rights cover ("s" \Seen, "t" \Deleted, "w" the others); the rest of the change is
     * left out, and only a change of which nothing is allowed is refused (RFC 4314 §4: "STORE operation SHOULD
     * NOT fail if the user has rights to modify at least one flag specified").
     */
    public FlagUpdate storeFlags(long mailboxId, Rights rights, UidSet uids, FlagChange change, Long unchangedSince) {
        if (rights.equals(Rights.ALL)) {
            return storeFlags(mailboxId, uids, change, unchangedSince);
        }
        Flags allowed = FlagRights.permitted(rights, change.flags());
        if (!allowed.equals(change.flags()) && allowed.equals(Flags.NONE) && change.mode() != FlagChange.Mode.REPLACE) {
            throw StoreException.noPermission("no right to change these flags");
        }
        if (change.mode() == FlagChange.Mode.REPLACE && !rights.mayChangeFlags()) {
            throw StoreException.noPermission("no right to change flags");
        }
        return committer.execute(tx -> training.storingFlags(mailboxId, uids, change,
                () -> writer.storeFlags(mailboxId, uids, change, unchangedSince, tx::afterCommit,
                        (current, next) -> FlagRights.restrict(rights, current, next))));
    }

    /** Removes messages at once with the rights of STORE \\Deleted and EXPUNGE ("t", "e"). */
    public List<Long> remove(long mailboxId, Rights rights, UidSet uids) {
        require(rights, Right.DELETE_MESSAGES);
        require(rights, Right.EXPUNGE);
        return remove(mailboxId, uids);
    }

    private static void require(Rights rights, Right right) {
        if (!rights.has(right)) {
            throw StoreException.noPermission("no \"" + right.letter() + "\" right on the mailbox");
        }
    }

    /** Stores one message into several mailboxes in one transaction (a delivery to local recipients). */
    public List<AppendResult> deliver(byte[] message, List<Long> mailboxIds, Instant internalDate) {
        return deliver(MessageContent.of(message, maxSummaryField), mailboxIds, internalDate, tx -> {
        });
    }

    /**
     * Delivers one message to several mailboxes (the local recipients of one SMTP transaction), sharing one
     * content row, and runs {@code alsoInTransaction} in the same transaction (the outbound queue's rows for
     * the remote recipients), so that both commit or neither does. Quota was checked when each recipient was
     * accepted (RCPT); delivery refuses only while the disk is nearly full ({@code STORAGE_FULL}).
     *
     * @param alsoInTransaction may run more than once (its batch may be tried again); it must do nothing
     *                          outside the transaction it is given
     */
    public List<AppendResult> deliver(MessageContent content, List<Long> mailboxIds, Instant internalDate,
            Consumer<StoreTransaction> alsoInTransaction) {
        return deliver(content, mailboxIds, List.of(), internalDate, alsoInTransaction);
    }

    /**
     * As {@link #deliver(MessageContent, List, Instant, Consumer)}, and also into {@code flagged} mailboxes with
     * flags of their own (a Sieve {@code addflag}, the {@code $Junk} keyword of filtered spam), in the same
     * transaction and on the same content row.
     */
    public List<AppendResult> deliver(MessageContent content, List<Long> mailboxIds, List<Placement> flagged,
            Instant internalDate, Consumer<StoreTransaction> alsoInTransaction) {
        return committer.execute(tx -> {
            freeSpace.checkRoomForNewMail();
            List<AppendResult> stored = new ArrayList<>(
                    writer.deliver(content, mailboxIds, internalDate, tx::afterCommit));
            for (Placement p : flagged) {
                // a delivered copy: its quota was checked at RCPT, as for the plain copies
                stored.add(writer.append(p.mailboxId(), content, p.flags(), internalDate, tx::afterCommit, false));
            }
            alsoInTransaction.accept(tx);
            return List.copyOf(stored);
        });
    }

    /** One copy of a delivered message: the mailbox it goes to and the flags it starts with. */
    public record Placement(long mailboxId, Flags flags) {
    }

    public CopyResult copy(long sourceMailboxId, UidSet uids, long destinationMailboxId) {
        return committer.execute(tx -> training.copied(sourceMailboxId, destinationMailboxId,
                writer.copy(sourceMailboxId, uids, destinationMailboxId, tx::afterCommit)));
    }

    public CopyResult move(long sourceMailboxId, UidSet uids, long destinationMailboxId) {
        return committer.execute(tx -> training.copied(sourceMailboxId, destinationMailboxId,
                writer.move(sourceMailboxId, uids, destinationMailboxId, tx::afterCommit)));
    }

    /** Expunges the messages flagged \Deleted, only within {@code uids} when it is not null. */
    public List<Long> expunge(long mailboxId, UidSet uids) {
        return committer.execute(tx -> writer.expunge(mailboxId, uids, tx::afterCommit));
    }

    /** Removes messages at once whatever their flags. */
    public List<Long> remove(long mailboxId, UidSet uids) {
        return committer.execute(tx -> writer.remove(mailboxId, uids, tx::afterCommit));
    }

    public FlagUpdate storeFlags(long mailboxId, UidSet uids, FlagChange change, Long unchangedSince) {
        return committer.execute(tx -> training.storingFlags(mailboxId, uids, change,
                () -> writer.storeFlags(mailboxId, uids, change, unchangedSince, tx::afterCommit)));
    }

    public long[] uids(long mailboxId) {
        return reader.uids(mailboxId);
    }

    /** The lowest UID without \Seen, 0 when all are seen (SELECT's [UNSEEN n], RFC 3501 §6.3.1). */
    public long firstUnseen(long mailboxId) {
        return reader.firstUnseen(mailboxId);
    }

    public void scan(long mailboxId, UidSet uids, MessageFields fields, Consumer<MessageRecord> consumer) {
        reader.scan(mailboxId, uids, fields, consumer);
    }

    public Optional<MessageRecord> get(long mailboxId, long uid) {
        return reader.get(mailboxId, uid);
    }

    public void changedSince(long mailboxId, long modseq, Consumer<MessageRecord> consumer) {
        reader.changedSince(mailboxId, modseq, consumer);
    }

    public List<Long> expungedSince(long mailboxId, long modseq) {
        return reader.expungedSince(mailboxId, modseq);
    }

    /** The exact bytes of a message as received. */
    public byte[] content(long contentId) {
        return contents.bytes(contentId);
    }

    /** The header section of a message, up to and including the empty line. */
    public byte[] header(long contentId) {
        return contents.header(contentId);
    }

    public MessageSummary summary(long contentId) {
        return contents.summary(contentId);
    }

    /** The save dates (RFC 8514) of the messages of {@code uids}, by UID. */
    public Map<Long, Instant> saveDates(long mailboxId, UidSet uids) {
        return attributes.saveDates(mailboxId, uids);
    }

    /**
     * The previews (RFC 8970) of the messages of {@code uids}, by UID; with {@code lazy}, those not stored yet are
     * left out rather than computed.
     */
    public Map<Long, String> previews(long mailboxId, UidSet uids, boolean lazy) {
        return attributes.previews(mailboxId, uids, lazy);
    }
}
