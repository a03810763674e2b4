package org.courriel.store.search.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The UIDs of a mailbox's messages whose content is one of a set, for an index that knows contents only. */
final class ContentIds {

    /** Up to this many contents are looked up by id; more, and the mailbox's messages are read and matched. */
    static final int MAX_LISTED = 500;

    private ContentIds() {
    }

    /** The UIDs, ascending, of the messages of {@code mailboxId} whose content id is in {@code ids} (sorted). */
    static List<Long> uids(JdbcClient jdbc, long mailboxId, long[] ids) {
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
            return jdbc.sql("SELECT uid FROM message WHERE mailbox_id = ? AND content_id IN (" + marks + ") ORDER BY uid")
                    .params(params).query(Long.class).list();
        }
        List<Long> out = new ArrayList<>();
        jdbc.sql("SELECT uid, content_id FROM message WHERE mailbox_id = ? ORDER BY uid").param(mailboxId)
                .query(rs -> {
                    if (Arrays.binarySearch(ids, rs.getLong(2)) >= 0) {
                        out.add(rs.getLong(1));
                    }
                });
        return out;
    }
}
