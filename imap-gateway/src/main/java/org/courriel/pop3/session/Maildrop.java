package org.courriel.pop3.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

import org.courriel.pop3.protocol.MessageLines;
import org.courriel.store.StoreException;
import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.MessageRecord;

/**
 * The INBOX as one POP3 session sees it: the messages there at login, numbered from 1 in UID order and fixed
 * for the session (RFC 1939 §5), and which of them DELE marked. Messages that arrive later are for the next
 * session; a message another client removes meanwhile keeps its number (reading it fails).
 */
public final class Maildrop {

    /**
     * One message of the snapshot.
     *
     * @param storedSize its size in the store, reported when it is gone before its CRLF size was read
     */
    public record Entry(int number, long uid, long contentId, long storedSize) {
    }

    private final MailboxInfo inbox;
    private final List<Entry> entries;
    private final boolean[] deleted;
    private final long[] octets;
    private final LongFunction<byte[]> contents;

    /**
     * @param contents reads a message's bytes by content id (the store's {@code MessageService::content})
     */
    public Maildrop(MailboxInfo inbox, List<MessageRecord> messages, LongFunction<byte[]> contents) {
        this.inbox = inbox;
        this.contents = contents;
        this.entries = new ArrayList<>(messages.size());
        for (MessageRecord message : messages) {
            entries.add(new Entry(entries.size() + 1, message.uid(), message.contentId(), message.size()));
        }
        this.deleted = new boolean[messages.size()];
        this.octets = new long[messages.size()];
        Arrays.fill(octets, -1);
    }

    public MailboxInfo inbox() {
        return inbox;
    }

    /** The message a client's argument names; refused when it is not a number, out of range or marked deleted. */
    public Entry message(String argument) {
        int number;
        try {
            number = Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            throw new Pop3Refusal("Not a message number: " + clip(argument));
        }
        if (number < 1 || number > entries.size()) {
            throw new Pop3Refusal("No such message");
        }
        if (deleted[number - 1]) {
            throw new Pop3Refusal("Message " + number + " already deleted");
        }
        return entries.get(number - 1);
    }

    /** The messages not marked deleted, in order. */
    public List<Entry> present() {
        return entries.stream().filter(e -> !deleted[e.number() - 1]).toList();
    }

    /**
     * RFC 1939 §11: the size with CRLF line ends, read once per session from the message itself. A message
     * another client removed meanwhile keeps its number for the session (RFC 1939 §5) and is listed with its
     * stored size, so that STAT and LIST still answer; reading it is refused.
     */
    public long octets(Entry entry) {
        int i = entry.number() - 1;
        if (octets[i] < 0) {
            try {
                octets[i] = MessageLines.octets(content(entry));
            } catch (StoreException e) {
                if (e.reason() != StoreException.Reason.NOT_FOUND) {
                    throw e;
                }
                octets[i] = entry.storedSize();
            }
        }
        return octets[i];
    }

    /** The message's bytes as stored. */
    public byte[] content(Entry entry) {
        return contents.apply(entry.contentId());
    }

    /**
     * RFC 1939 §7 UIDL: the UIDVALIDITY and the UID, which name one message for good on every node (a UID is
     * never reused under one UIDVALIDITY).
     */
    public String uniqueId(Entry entry) {
        return inbox.uidValidity() + "." + entry.uid();
    }

    /** DELE: marks the message; nothing changes in the store before QUIT (RFC 1939 §6). */
    public void delete(Entry entry) {
        deleted[entry.number() - 1] = true;
    }

    /** RSET: unmarks every message. */
    public void reset() {
        Arrays.fill(deleted, false);
    }

    /** The UIDs DELE marked, ascending. */
    public List<Long> deletedUids() {
        return entries.stream().filter(e -> deleted[e.number() - 1]).map(Entry::uid).toList();
    }

    private static String clip(String argument) {
        return argument.length() <= 20 ? argument : argument.substring(0, 20) + "...";
    }
}
