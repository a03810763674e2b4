package org.courriel.store.search.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongFunction;

import org.courriel.store.StoreException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SEARCH TEXT and BODY (RFC 9051 §6.4.4) through the full-text index: the index's answer, and for the messages
 * it cannot answer for (their content still queued for the indexer, or cut: {@code text_index_partial}) the
 * text read and compared here, as a scan would. The result is what a scan of the whole mailbox finds. For the
 * header keys the index narrows the mailbox to the messages that may match, unknown ones included.
 */
public final class TextSearch {

    /**
     * Most queued contents (store-wide) a search reads itself; with more, the index is far behind and the search
     * is left to the scan, which streams the mailbox instead of holding the queue.
     */
    static final int MAX_UNKNOWN = 10_000;

    private final TextIndex index;
    private final JdbcClient jdbc;
    private final LongFunction<byte[]> contents;

    /** @param index null when full-text indexing is off: every search then reads the mailbox. */
    public TextSearch(TextIndex index, JdbcClient jdbc, LongFunction<byte[]> contents) {
        this.index = index;
        this.jdbc = jdbc;
        this.contents = contents;
    }

    /**
     * The UIDs, ascending, of the mailbox's messages whose text holds {@code value} where {@code scope} looks: body
     * (BODY), header or body (TEXT), exactly; or, for a header key ({@link TextIndex.Scope#HEADER_FIELDS}), every
     * message the key may match, for the key to check. Empty when the index cannot answer (it is off, or the needle
     * is shorter than a trigram or too long: {@link IndexedText#needle}), and the caller must read the mailbox.
     */
    public Optional<List<Long>> find(long mailboxId, String value, TextIndex.Scope scope) {
        String needle = index == null ? null : IndexedText.needle(value);
        if (needle == null) {
            return Optional.empty();
        }
        // The unknown first: a content indexed between the two reads is then in the index's answer.
        List<Long> queued = jdbc.sql("SELECT content_id FROM text_index_pending UNION SELECT content_id FROM text_index_partial"
                + " FETCH FIRST " + (MAX_UNKNOWN + 1) + " ROWS ONLY").query(Long.class).list();
        if (queued.size() > MAX_UNKNOWN) {
            return Optional.empty(); // the index is far behind (an upgrade, a rebuild): the scan reads as it goes
        }
        long[] unknownIds = queued.stream().mapToLong(Long::longValue).sorted().toArray();
        List<long[]> unknown = ContentIds.messages(jdbc, mailboxId, unknownIds);
        List<Long> found = index.find(mailboxId, needle, scope);
        if (unknown.isEmpty()) {
            return Optional.of(found); // the usual case, the index caught up: its list, ascending, as it is
        }
        TreeSet<Long> uids = new TreeSet<>(found);
        if (scope == TextIndex.Scope.HEADER_FIELDS) {
            // candidates only: the key checks each message, these among them
            unknown.forEach(m -> uids.add(m[0]));
            return Optional.of(new ArrayList<>(uids));
        }
        // What the index says of a queued content is not trusted either way (it may be an older text of its id).
        for (long[] m : unknown) {
            uids.remove(m[0]);
        }
        for (long[] m : unknown) {
            if (holds(m[1], needle, scope)) {
                uids.add(m[0]);
            }
        }
        return Optional.of(new ArrayList<>(uids));
    }

    private boolean holds(long contentId, String needle, TextIndex.Scope scope) {
        byte[] message;
        try {
            message = contents.apply(contentId);
        } catch (StoreException gone) {
            return false;
        }
        return IndexedText.of(message, Integer.MAX_VALUE).holds(needle, scope);
    }
}
