package org.courriel.store.search.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
            List<Object> params = new ArrayList<>(ids.length + 1);
            params.add(mailboxId);
            for (long id : ids) {
                params.add(id);
            }
            String marks = String.join(", ", Collections.nCopies(ids.length, "?"));
            return jdbc.sql("SELECT uid, content_id FROM message WHERE mailbox_id = ? AND content_id IN (" + marks
                    + ") ORDER BY uid").params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .list();
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
