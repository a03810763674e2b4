package org.courriel.store.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.courriel.store.content.ContentStore;
import org.courriel.store.preview.MessagePreview;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The attributes of messages that few reads want, read apart from {@link MessageReader}'s rows so that a plain
 * FETCH never pays for them: the save date (IMAP SAVEDATE, RFC 8514 §3: set by the database when the row is
 * inserted, so new for every copy and move) and the preview of the content (IMAP PREVIEW, RFC 8970), stored with
 * the content when it was first stored.
 */
@Repository
public class MessageAttributes {

    private final JdbcTemplate template;
    private final ContentStore contents;

    public MessageAttributes(JdbcTemplate template, ContentStore contents) {
        this.template = template;
        this.contents = contents;
    }

    /** The save dates of the messages of {@code uids} that exist, by UID. */
    public Map<Long, Instant> saveDates(long mailboxId, UidSet uids) {
        Map<Long, Instant> dates = new HashMap<>();
        if (uids.isEmpty()) {
            return dates;
        }
        template.query("SELECT uid, save_date FROM message WHERE mailbox_id = ? AND uid BETWEEN ? AND ?", rs -> {
            long uid = rs.getLong(1);
            if (uids.contains(uid)) {
                dates.put(uid, rs.getObject(2, OffsetDateTime.class).toInstant());
            }
        }, mailboxId, uids.min(), uids.max());
        return dates;
    }

    /**
     * The previews of the messages of {@code uids} that exist, by UID. A content stored before previews were kept
     * has none: with {@code lazy} (RFC 8970 §3.2, PREVIEW (LAZY)) it is left out of the map, the caller answering
     * NIL; otherwise it is computed from the bytes now and kept for the next time.
     */
    public Map<Long, String> previews(long mailboxId, UidSet uids, boolean lazy) {
        Map<Long, String> previews = new HashMap<>();
        Map<Long, Long> missing = new HashMap<>();
        if (uids.isEmpty()) {
            return previews;
        }
        template.query("""
                SELECT m.uid, m.content_id, c.preview FROM message m JOIN content c ON c.id = m.content_id
                WHERE m.mailbox_id = ? AND m.uid BETWEEN ? AND ?""", rs -> {
            long uid = rs.getLong(1);
            if (!uids.contains(uid)) {
                return;
            }
            String preview = rs.getString(3);
            if (preview != null) {
                previews.put(uid, preview);
            } else if (!lazy) {
                missing.put(uid, rs.getLong(2));
            }
        }, mailboxId, uids.min(), uids.max());
        Map<Long, String> computed = new HashMap<>();
        missing.forEach((uid, contentId) -> previews.put(uid, computed.computeIfAbsent(contentId, id -> {
            String preview = MessagePreview.of(contents.bytes(id));
            contents.keepPreview(id, preview);
            return preview;
        })));
        return previews;
    }
}
