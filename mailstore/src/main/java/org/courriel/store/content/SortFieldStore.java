package org.courriel.store.content;

import java.util.List;

import org.courriel.store.mime.Envelope;
import org.courriel.store.sort.SortFields;
import org.courriel.store.sort.ThreadFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code content_sort} rows: the SORT keys ({@link SortFields}) and THREAD links ({@link ThreadFields}) of each
 * content. A new content gets its row in
 * the transaction that stores it ({@link ContentStore#reference}); contents stored before the table existed get
 * theirs lazily, when a mailbox holding them is first sorted or threaded ({@link #fillMissing}). Lazily rather
 * than in a migration or at start-up: an upgrade costs nothing until a client sorts, a mailbox nobody sorts is never
 * read, and several nodes may fill at once since a row depends only on its content (a duplicate is ignored).
 */
@Repository
public class SortFieldStore {

    private static final Logger log = LoggerFactory.getLogger(SortFieldStore.class);

    private final JdbcClient jdbc;

    public SortFieldStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the sort and thread keys of a content just stored, in the caller's transaction. */
    void insert(long contentId, Envelope envelope, byte[] header) {
        SortFields f = SortFields.of(envelope);
        ThreadFields t = ThreadFields.of(envelope, header);
        jdbc.sql("""
                INSERT INTO content_sort (content_id, base_subject, subject_reply, from_mailbox, to_mailbox, cc_mailbox,
                                          display_from, display_to, message_id, parent_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(contentId, f.subject(), f.replyOrForward(), f.from(), f.to(), f.cc(), f.displayFrom(),
                        f.displayTo(), t.messageId(), t.referencesColumn())
                .update();
    }

    /** How many contents the backfill reads in one query: bounds its memory and its round trips. */
    static final int FILL_CHUNK = 200;

    /** A content's summary and header, as the backfill reads them. */
    private record Stored(long id, String summary, byte[] header) {
    }

    /**
     * Gives every content of the mailbox that has no sort keys its row, computed from its stored summary and
     * header, {@link #FILL_CHUNK} contents at a time. Each row is its own statement: another node filling the same
     * content meanwhile makes a duplicate, which is skipped; so is a content expunged meanwhile.
     *
     * @return how many rows were written
     */
    public int fillMissing(long mailboxId) {
        List<Long> missing = jdbc.sql("""
                SELECT DISTINCT m.content_id FROM message m
                WHERE m.mailbox_id = ? AND NOT EXISTS (SELECT 1 FROM content_sort s WHERE s.content_id = m.content_id)""")
                .param(mailboxId).query(Long.class).list();
        int written = 0;
        for (int from = 0; from < missing.size(); from += FILL_CHUNK) {
            List<Long> chunk = missing.subList(from, Math.min(from + FILL_CHUNK, missing.size()));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Stored> stored = jdbc.sql("SELECT c.id, c.summary, h.header FROM content c"
                    + " JOIN content_header h ON h.content_id = c.id WHERE c.id IN (" + marks + ")")
                    .params(List.copyOf(chunk))
                    .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getBytes(3))).list();
            for (Stored content : stored) {
                try {
                    insert(content.id(), SummaryCodec.decode(content.summary()).envelope(), content.header());
                    written++;
                } catch (DataIntegrityViolationException e) {
                    // another node wrote them meanwhile, or the content went with its last message
                    log.debug("sort keys of content {} not written: {}", content.id(), e.getMessage());
                }
            }
        }
        if (written > 0) {
            log.info("Computed the sort keys of {} stored messages of mailbox {}", written, mailboxId);
        }
        return written;
    }
}
