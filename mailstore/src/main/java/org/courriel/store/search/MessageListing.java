package org.courriel.store.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.courriel.store.content.SortFieldStore;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.courriel.store.sort.ThreadAlgorithm;
import org.courriel.store.sort.ThreadFields;
import org.courriel.store.sort.ThreadMessage;
import org.courriel.store.sort.ThreadNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Answers {@link MessageQuery}s: SQL over the message rows' sort and filter columns picks and orders the UIDs;
 * {@link MessageSearch} decides the filters that need the header or the body; then only the page's messages
 * are read with their summaries. Without such filters the database counts and pages by itself. Also orders the
 * result of an IMAP SORT ({@link #sort}). Both order by the contents' stored sort keys ({@code content_sort}),
 * never by parsing messages; a mailbox whose older contents have none gets them first
 * ({@link SortFieldStore#fillMissing}).
 */
@Service
public class MessageListing {

    private final JdbcClient jdbc;
    private final MessageService messages;
    private final MessageSearch search;

    private final SortFieldStore sortFields;

    public MessageListing(JdbcClient jdbc, MessageService messages, MessageSearch search, SortFieldStore sortFields) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.search = search;
        this.sortFields = sortFields;
    }

    /**
     * SORT (RFC 5256 §3): the UIDs among {@code uids} ordered by the criteria in priority order, then by
     * UID ascending, which is the order of sequence numbers ("an implicit sort criterion of sequence number",
     * not turned by REVERSE).
     */
    public List<Long> sort(long mailboxId, List<SortCriterion> criteria, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return List.of();
        }
        sortFields.fillMissing(mailboxId);
        Set<Long> wanted = uids instanceof Set<Long> set ? set : new HashSet<>(uids);
        List<Long> ordered = new ArrayList<>(wanted.size());
        jdbc.sql("SELECT m.uid" + ListingSql.FROM + " WHERE m.mailbox_id = ?" + ListingSql.orderBy(criteria, false))
                .param(mailboxId).query(rs -> {
                    long uid = rs.getLong(1);
                    if (wanted.contains(uid)) {
                        ordered.add(uid);
                    }
                });
        return ordered;
    }

    /**
     * THREAD (RFC 5256 §3): the messages among {@code uids} threaded by the algorithm, from the keys stored with their
     * contents (base subject, Message-ID, references) and their sent dates (§2.2: the internal date when the Date
     * field is missing or unreadable).
     */
    public List<ThreadNode> thread(long mailboxId, ThreadAlgorithm algorithm, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return List.of();
        }
        sortFields.fillMissing(mailboxId);
        Set<Long> wanted = uids instanceof Set<Long> set ? set : new HashSet<>(uids);
        List<ThreadMessage> found = new ArrayList<>(wanted.size());
        jdbc.sql("SELECT m.uid, COALESCE(m.sent_date, m.internal_date), s.base_subject, s.subject_reply, s.message_id,"
                + " s.parent_ids" + ListingSql.FROM + " WHERE m.mailbox_id = ? ORDER BY m.uid")
                .param(mailboxId).query(rs -> {
                    long uid = rs.getLong(1);
                    if (wanted.contains(uid)) {
                        byte[] subject = rs.getBytes(3);
                        found.add(new ThreadMessage(uid, rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                                // the collated octets; ISO-8859-1 keeps them one char each, so equal is equal
                                subject == null ? "" : new String(subject, java.nio.charset.StandardCharsets.ISO_8859_1),
                                rs.getBoolean(4), rs.getString(5), ThreadFields.references(rs.getString(6))));
                    }
                });
        return algorithm.thread(found);
    }

    public MessageListPage list(MessageQuery query) {
        ListingSql where = ListingSql.where(query.filter());
        List<Object> params = new ArrayList<>();
        params.add(query.mailboxId());
        params.addAll(where.params());
        sortFields.fillMissing(query.mailboxId());
        String from = ListingSql.FROM + " WHERE m.mailbox_id = ?" + where.where();
        String orderBy = ListingSql.orderBy(query);
        List<Long> page;
        long total;
        if (query.filter().needsSearch()) {
            List<Long> ordered = jdbc.sql("SELECT m.uid" + from + orderBy).params(params).query(Long.class).list();
            Set<Long> matching = ordered.isEmpty() ? Set.of()
                    : new HashSet<>(search.search(query.mailboxId(), searchKey(query.filter(), ordered)));
            List<Long> kept = ordered.stream().filter(matching::contains).toList();
            total = kept.size();
            page = kept.subList((int) Math.min(query.offset(), kept.size()),
                    (int) Math.min(query.offset() + query.size(), kept.size()));
        } else {
            total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
            List<Object> paged = new ArrayList<>(params);
            paged.add(query.size());
            paged.add(query.offset());
            page = jdbc.sql("SELECT m.uid" + from + orderBy + " LIMIT ? OFFSET ?").params(paged)
                    .query(Long.class).list();
        }
        return new MessageListPage(records(query.mailboxId(), page), total);
    }

    /** The search the SQL cannot do, narrowed to the UIDs the SQL kept. */
    private static SearchKey searchKey(MessageFilter filter, List<Long> candidates) {
        List<SearchKey> keys = new ArrayList<>();
        keys.add(new SearchKey.Uids(UidSet.of(candidates.stream().mapToLong(Long::longValue).toArray())));
        if (MessageFilter.present(filter.from())) {
            keys.add(new SearchKey.Header("From", filter.from()));
        }
        if (MessageFilter.present(filter.to())) {
            keys.add(new SearchKey.Header("To", filter.to()));
        }
        if (MessageFilter.present(filter.text())) {
            keys.add(new SearchKey.Text(filter.text()));
        }
        return new SearchKey.And(keys);
    }

    /** The page's messages with their summaries, in the page's order (one expunged meanwhile is left out). */
    private List<MessageRecord> records(long mailboxId, List<Long> uids) {
        if (uids.isEmpty()) {
            return List.of();
        }
        Map<Long, MessageRecord> byUid = new HashMap<>();
        messages.scan(mailboxId, UidSet.of(uids.stream().mapToLong(Long::longValue).toArray()),
                MessageFields.SUMMARY, r -> byUid.put(r.uid(), r));
        List<MessageRecord> records = new ArrayList<>(uids.size());
        for (long uid : uids) {
            MessageRecord r = byUid.get(uid);
            if (r != null) {
                records.add(r);
            }
        }
        return records;
    }
}
