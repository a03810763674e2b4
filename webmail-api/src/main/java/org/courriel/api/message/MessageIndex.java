package org.courriel.api.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.courriel.store.mailbox.MailboxInfo;
import org.courriel.store.message.MessageFields;
import org.courriel.store.message.MessageRecord;
import org.courriel.store.message.MessageService;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.MessageSearch;
import org.courriel.store.search.SearchKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists a mailbox: SQL over the message rows' sort and filter columns picks and orders the UIDs; the store's
 * {@link MessageSearch} decides the filters that need the header or body; then only the page's messages are
 * read with their summaries.
 */
@Component
public class MessageIndex {

    private final JdbcClient jdbc;
    private final MessageService messages;
    private final MessageSearch search;

    public MessageIndex(JdbcClient jdbc, MessageService messages, MessageSearch search) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.search = search;
    }

    public MessagePage list(MailboxInfo mailbox, MessageQuery query) {
        MessageQuery.Sql where = query.where();
        List<Object> params = new ArrayList<>();
        params.add(mailbox.id());
        params.addAll(where.params());
        String from = " FROM message WHERE mailbox_id = ?" + where.where();
        List<Long> page;
        long total;
        long offset = (long) query.page() * query.size();
        if (query.needsSearch()) {
            List<Long> ordered = jdbc.sql("SELECT uid" + from + query.orderBy()).params(params).query(Long.class).list();
            Set<Long> matching = ordered.isEmpty() ? Set.of()
                    : new HashSet<>(search.search(mailbox.id(), searchKey(query, ordered)));
            List<Long> kept = ordered.stream().filter(matching::contains).toList();
            total = kept.size();
            page = kept.subList((int) Math.min(offset, kept.size()), (int) Math.min(offset + query.size(), kept.size()));
        } else {
            total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
            List<Object> paged = new ArrayList<>(params);
            paged.add(query.size());
            paged.add(offset);
            page = jdbc.sql("SELECT uid" + from + query.orderBy() + " LIMIT ? OFFSET ?").params(paged)
                    .query(Long.class).list();
        }
        return new MessagePage(items(mailbox, page), query.page(), query.size(), total);
    }

    private static SearchKey searchKey(MessageQuery query, List<Long> candidates) {
        List<SearchKey> keys = new ArrayList<>();
        keys.add(new SearchKey.Uids(UidSet.of(candidates.stream().mapToLong(Long::longValue).toArray())));
        if (query.from() != null && !query.from().isEmpty()) {
            keys.add(new SearchKey.Header("From", query.from()));
        }
        if (query.to() != null && !query.to().isEmpty()) {
            keys.add(new SearchKey.Header("To", query.to()));
        }
        if (query.text() != null && !query.text().isEmpty()) {
            keys.add(new SearchKey.Text(query.text()));
        }
        return new SearchKey.And(keys);
    }

    /** The page's messages with their summaries, in the page's order. */
    private List<MessageItem> items(MailboxInfo mailbox, List<Long> uids) {
        if (uids.isEmpty()) {
            return List.of();
        }
        Map<Long, MessageRecord> byUid = new HashMap<>();
        messages.scan(mailbox.id(), UidSet.of(uids.stream().mapToLong(Long::longValue).toArray()),
                MessageFields.SUMMARY, r -> byUid.put(r.uid(), r));
        List<MessageItem> items = new ArrayList<>(uids.size());
        for (long uid : uids) {
            MessageRecord r = byUid.get(uid);
            if (r != null) {
                items.add(MessageViews.item(mailbox, r));
            }
        }
        return items;
    }
}
