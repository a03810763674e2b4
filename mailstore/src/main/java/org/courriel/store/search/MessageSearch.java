package org.courriel.store.search;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.text.TextSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Searches a mailbox (IMAP SEARCH, RFC 9051 §6.4.4; the REST API's message queries). The mailbox streams
 * through {@link MessageService#scan} reading only what the keys need: flags, dates and sizes alone; the stored
 * header for header keys; the summary for HAS_ATTACHMENT. Keys that need the body (BODY, TEXT) are decided
 * afterwards, reading the content only of the messages the other keys leave undecided.
 *
 * <p>Dates compare as dates, disregarding time and timezone (RFC 9051 §6.4.4). The internal date is an instant,
 * so it is taken as a date in a zone: UTC unless the caller passes the user's zone. The Date header keeps the
 * sender's own offset: SENT* keys use the date as the header writes it (a message sent on Monday at 23:30 -0500
 * is sent ON Monday, wherever the server is); a header without a parseable date matches no SENT* key.
 *
 * <p>A key made only of what the message row's columns decide (flags, sizes, MODSEQ, UID sets: see
 * {@code ColumnCondition}, the same conditions as the REST listing's) is answered by one SQL query, without a
 * scan; for example an IMAP client's {@code SEARCH UNSEEN}. The save date and content keys are columns the scan
 * does not read: {@code RowKeys} turns them into the UIDs they match first, one query each. So does
 * {@code TextKeys} for BODY and TEXT, through the full-text index ({@link TextSearch}): the content is read only
 * where the index cannot answer.
 */
@Service
public class MessageSearch {

    private final MessageService messages;
    private final JdbcClient jdbc;
    private final TextSearch text;

    public MessageSearch(MessageService messages, JdbcClient jdbc, TextSearch text) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.text = text;
    }

    /** The UIDs of the mailbox's messages that match, ascending; internal dates are taken in UTC. */
    public List<Long> search(long mailboxId, SearchKey key) {
        return search(mailboxId, key, ZoneOffset.UTC);
    }

    /** As {@link #search(long, SearchKey)}, internal dates taken as dates in {@code zone}. */
    public List<Long> search(long mailboxId, SearchKey query, ZoneId zone) {
        SearchKey key = TextKeys.resolve(RowKeys.resolve(query, mailboxId, zone, jdbc), mailboxId, text);
        if (key instanceof SearchKey.Uids u && u.uids().ranges().size() > ColumnCondition.MAX_UID_RANGES) {
            // What the text index found: the UIDs of messages still there.
            return jdbc.sql("SELECT uid FROM message WHERE mailbox_id = ? AND uid BETWEEN ? AND ? ORDER BY uid")
                    .params(mailboxId, u.uids().min(), u.uids().max()).query(Long.class).list().stream()
                    .filter(uid -> u.uids().contains(uid)).toList();
        }
        Optional<ColumnCondition> columns = ColumnCondition.of(key);
        if (columns.isPresent()) {
            List<Object> params = new ArrayList<>();
            params.add(mailboxId);
            params.addAll(columns.get().params());
            String sql = "SELECT uid FROM message WHERE mailbox_id = ? AND (" + columns.get().sql() + ") ORDER BY uid";
            return jdbc.sql(sql).params(params).query(Long.class).list();
        }
        SearchNeeds needs = SearchNeeds.of(key);
        SearchMatcher matcher = new SearchMatcher(zone);
        List<Long> matched = new ArrayList<>();
        List<MessageRecord> undecided = new ArrayList<>();
        messages.scan(mailboxId, needs.scope(), needs.fields(), record -> {
            Boolean result = matcher.matches(key, new SearchCandidate(record, null));
            if (result == null) {
                // Keep what phase two needs, not the header: it comes again with the content.
                undecided.add(new MessageRecord(record.uid(), record.modseq(), record.flags(),
                        record.internalDate(), record.size(), record.contentId(), record.summary(), null));
            } else if (result) {
                matched.add(record.uid());
            }
        });
        if (undecided.isEmpty()) {
            return matched;
        }
        List<Long> all = new ArrayList<>(matched);
        for (MessageRecord record : undecided) {
            byte[] content = messages.content(record.contentId());
            if (Boolean.TRUE.equals(matcher.matches(key, new SearchCandidate(record, content)))) {
                all.add(record.uid());
            }
        }
        all.sort(null);
        return all;
    }

    /** What a search reads of each message; package-private for tests. */
    record SearchNeeds(MessageFields fields, UidSet scope) {

        static SearchNeeds of(SearchKey key) {
            boolean header = needsHeader(key);
            boolean summary = needsSummary(key);
            MessageFields fields = header && summary ? MessageFields.SUMMARY_AND_HEADER
                    : header ? MessageFields.HEADER : summary ? MessageFields.SUMMARY : MessageFields.BASIC;
            return new SearchNeeds(fields, scope(key));
        }

        private static boolean needsHeader(SearchKey key) {
            return switch (key) {
                case SearchKey.Header h -> true;
                case SearchKey.SentDate s -> true;
                case SearchKey.Text t -> true;
                case SearchKey.Not n -> needsHeader(n.key());
                case SearchKey.Or o -> needsHeader(o.left()) || needsHeader(o.right());
                case SearchKey.And a -> a.keys().stream().anyMatch(SearchNeeds::needsHeader);
                default -> false;
            };
        }

        private static boolean needsSummary(SearchKey key) {
            return switch (key) {
                case SearchKey.HasAttachment h -> true;
                case SearchKey.Not n -> needsSummary(n.key());
                case SearchKey.Or o -> needsSummary(o.left()) || needsSummary(o.right());
                case SearchKey.And a -> a.keys().stream().anyMatch(SearchNeeds::needsSummary);
                default -> false;
            };
        }

        /** The UIDs the scan can be narrowed to: a UID key at the top or in a top-level AND. */
        private static UidSet scope(SearchKey key) {
            return switch (key) {
                case SearchKey.Uids u -> u.uids();
                case SearchKey.And a -> a.keys().stream().filter(SearchKey.Uids.class::isInstance)
                        .map(k -> ((SearchKey.Uids) k).uids()).findFirst().orElse(UidSet.ALL);
                default -> UidSet.ALL;
            };
        }
    }
}
