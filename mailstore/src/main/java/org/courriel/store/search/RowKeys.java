package org.courriel.store.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.courriel.store.message.UidSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keys on message columns that the scan does not read (the save date of RFC 8514, the content behind RFC
 * 8474's EMAILID), replaced by the UIDs they match, one SQL query each, before a search runs; what remains is
 * decided as before, by {@link ColumnCondition} or the scan.
 */
final class RowKeys {

    private RowKeys() {
    }

    static SearchKey resolve(SearchKey key, long mailboxId, ZoneId zone, JdbcClient jdbc) {
        return switch (key) {
            case SearchKey.SaveDate d -> SearchKey.uid(saveDate(d, mailboxId, zone, jdbc));
            case SearchKey.ContentIs c -> SearchKey.uid(UidSet.ofSorted(jdbc.sql(
                    "SELECT uid FROM message WHERE mailbox_id = ? AND content_id = ? ORDER BY uid")
                    .params(mailboxId, c.contentId()).query(Long.class).list()));
            case SearchKey.Not n -> SearchKey.not(resolve(n.key(), mailboxId, zone, jdbc));
            case SearchKey.Or o -> SearchKey.or(resolve(o.left(), mailboxId, zone, jdbc),
                    resolve(o.right(), mailboxId, zone, jdbc));
            case SearchKey.And a -> new SearchKey.And(a.keys().stream().map(k -> resolve(k, mailboxId, zone, jdbc))
                    .toList());
            default -> key;
        };
    }

    /** RFC 8514 §4.3: the save date as a date in {@code zone}, time disregarded, as the internal date keys do. */
    private static UidSet saveDate(SearchKey.SaveDate d, long mailboxId, ZoneId zone, JdbcClient jdbc) {
        OffsetDateTime start = start(d.date(), zone);
        OffsetDateTime next = start(d.date().plusDays(1), zone);
        String condition = switch (d.relation()) {
            case BEFORE -> "save_date < ?";
            case ON -> "save_date >= ? AND save_date < ?";
            case SINCE -> "save_date >= ?";
        };
        List<Object> params = switch (d.relation()) {
            case BEFORE, SINCE -> List.of(mailboxId, start);
            case ON -> List.of(mailboxId, start, next);
        };
        return UidSet.ofSorted(jdbc.sql("SELECT uid FROM message WHERE mailbox_id = ? AND " + condition + " ORDER BY uid")
                .params(params).query(Long.class).list());
    }

    private static OffsetDateTime start(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
    }
}
