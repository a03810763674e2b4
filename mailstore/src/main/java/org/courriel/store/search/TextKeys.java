package org.courriel.store.search;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.courriel.store.message.UidSet;
import org.courriel.store.search.text.TextIndex;
import org.courriel.store.search.text.TextSearch;

/**
 * The BODY and TEXT keys the full-text index answers, replaced by the UIDs they match before a search runs, as
 * {@link RowKeys} does for keys on columns; a header key (FROM, SUBJECT, HEADER ...) narrowed to the UIDs the
 * index says may match it, AND the key itself; a key the index cannot answer (a needle of fewer than three
 * characters, indexing off) stays, for the scan to decide.
 */
final class TextKeys {

    private TextKeys() {
    }

    static SearchKey resolve(SearchKey key, long mailboxId, TextSearch text) {
        return switch (key) {
            case SearchKey.Body b -> found(text.find(mailboxId, b.value(), TextIndex.Scope.BODY), key);
            case SearchKey.Text t -> found(text.find(mailboxId, t.value(), TextIndex.Scope.TEXT), key);
            // the messages that may match, each still checked by the key: the scan reads only those
            case SearchKey.Header h -> text.find(mailboxId, h.value(), TextIndex.Scope.HEADER_FIELDS)
                    .<SearchKey>map(u -> new SearchKey.And(List.of(SearchKey.uid(UidSet.ofSorted(u)), h))).orElse(key);
            case SearchKey.Not n -> SearchKey.not(resolve(n.key(), mailboxId, text));
            case SearchKey.Or o -> SearchKey.or(resolve(o.left(), mailboxId, text), resolve(o.right(), mailboxId, text));
            // flattened, so that the UIDs a header key was narrowed to stand at the top and narrow the scan
            case SearchKey.And a -> new SearchKey.And(a.keys().stream().map(k -> resolve(k, mailboxId, text))
                    .flatMap(k -> k instanceof SearchKey.And inner ? inner.keys().stream() : Stream.of(k))
                    .toList());
            default -> key;
        };
    }

    private static SearchKey found(Optional<List<Long>> uids, SearchKey key) {
        return uids.map(u -> SearchKey.uid(UidSet.ofSorted(u))).orElse(key);
    }
}
