package org.courriel.store.search.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The messages of a mailbox whose content is one of a set, for what knows contents only (the Lucene index, the
 * queue of contents not indexed yet). Asked from the set's side: a join from the mailbox's side would read
 * every message of a large mailbox to find the few in a small set, and H2 chooses that side.
 */
final class ContentIds {

    /** Up to this many contents are looked up by id; more, and the mailbox's messages are read and matched. */
    static final int MAX_LISTED = 500;

    private ContentIds() {
    }

    /** The UIDs, ascending, of the messages of {@code mailboxId} whose content id is in {@code ids} (sorted). */
    static List<Long> uids(JdbcClient jdbc, long mailboxId, long[] ids) {
        return messages(jdbc, mailboxId, ids).stream().map(m -> m[0]).toList();
    }

    /** The UID and content id of each such message, by ascending UID. */
    static List<long[]> messages(JdbcClient jdbc, long mailboxId, long[] ids) {
        if (ids.length == 0) {
            return List.of();
        }
        if (ids.length <= MAX_LISTED) {
            List<Object> params = new ArrayList<>(ids.length);
            for (long id : ids) {
                params.add(id);
            }
            // No mailbox condition in the SQL: with one, H2 reads the mailbox by its index and compares each row
            // with the whole list (half a second for 100,000 messages); on content_id alone it looks each id up.
            String marks = String.join(", ", Collections.nCopies(ids.length, "?"));
            List<long[]> found = new ArrayList<>();
            jdbc.sql("SELECT uid, content_id, mailbox_id FROM message WHERE content_id IN (" + marks + ")")
                    .params(params).query(rs -> {
                        if (rs.getLong(3) == mailboxId) {
                            found.add(new long[] {rs.getLong(1), rs.getLong(2)});
                        }
                    });
            found.sort(Comparator.comparingLong(m -> m[0]));
            return found;
        }
        List<long[]> out = new ArrayList<>();
        jdbc.sql("SELECT uid, content_id FROM message WHERE mailbox_id = ? ORDER BY uid").param(mailboxId)
                .query(rs -> {
                    if (Arrays.binarySearch(ids, rs.getLong(2)) >= 0) {
                        out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                });
        return out;
    }
}
