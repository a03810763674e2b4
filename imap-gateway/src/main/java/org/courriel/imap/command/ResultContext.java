package org.courriel.imap.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.courriel.imap.protocol.ImapString;
import org.courriel.imap.session.ImapSession;
import org.courriel.imap.session.MessageSequence;
import org.courriel.imap.session.UpdatingContext;
import org.courriel.store.message.UidSet;
import org.courriel.store.search.SearchKey;
import org.courriel.store.search.SortCriterion;

/**
 * The result of a SEARCH or SORT with RETURN (UPDATE) kept up to date (RFC 5267 §4.3). The result is held as
 * UIDs, in mailbox order for SEARCH and in sort order for SORT. On each change the search is evaluated again for
 * the messages that changed only (one store search restricted to their UIDs per context, at most
 * {@link org.courriel.imap.session.SearchContexts#MAX}; the whole mailbox after dropped events) and the
 * difference goes out as REMOVEFROM and ADDTO. SEARCH contexts use context position 0 (§4.3.3, §4.3.4); SORT
 * contexts give the position of each change, since sort keys do not change, removals first, then insertions in
 * ascending position, so that applied in order they give the new result (§4.3.2).
 */
final class ResultContext implements UpdatingContext {

    private final String tag;
    private final boolean byUid;
    private final SearchParser.Result search;
    /** Null for a SEARCH context. */
    private final List<SortCriterion> criteria;
    private final List<Long> result;

    ResultContext(String tag, boolean byUid, SearchParser.Result search, List<SortCriterion> criteria, List<Long> result) {
        this.tag = tag;
        this.byUid = byUid;
        this.search = search;
        this.criteria = criteria;
        this.result = new ArrayList<>(result);
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public void expunging(ImapSession session, Collection<Long> uids) {
        Set<Long> gone = new HashSet<>(uids);
        List<Long> kept = new ArrayList<>(result);
        kept.removeIf(gone::contains);
        send(session, kept);
    }

    @Override
    public void refresh(ImapSession session, Set<Long> changed) {
        if (changed != null && changed.isEmpty()) {
            return;
        }
        List<Long> found;
        if (changed == null) {
            found = SearchCommand.matches(session, search);
        } else {
            // only the messages that changed are searched again: the others keep their answer
            SearchKey only = new SearchKey.And(List.of(
                    new SearchKey.Uids(UidSet.of(changed.stream().mapToLong(Long::longValue).toArray())), search.key()));
            TreeSet<Long> union = new TreeSet<>(result);
            union.removeAll(changed);
            union.addAll(SearchCommand.matches(session, new SearchParser.Result(only, search.usesModseq())));
            found = new ArrayList<>(union);
        }
        if (criteria != null) {
            found = session.context().listing().sort(session.selected().id(), criteria, found);
        }
        send(session, found);
    }

    /** Sends what turns the result into {@code next} (nothing when they are the same) and keeps it. */
    private void send(ImapSession session, List<Long> next) {
        if (next.equals(result)) {
            return;
        }
        MessageSequence sequence = session.selected().sequence();
        Set<Long> before = new HashSet<>(result);
        Set<Long> after = new HashSet<>(next);
        StringBuilder sb = new StringBuilder("ESEARCH (TAG ");
        ImapString.string(sb, tag, false);
        sb.append(')');
        if (byUid) {
            sb.append(" UID");
        }
        List<Long> removed = result.stream().filter(uid -> !after.contains(uid)).toList();
        if (!removed.isEmpty()) {
            sb.append(" REMOVEFROM (");
            if (criteria == null) {
                sb.append("0 ").append(set(sequence, removed));
            } else {
                // §4.3.4: each pair removes at the position it names, once the pairs before it are applied
                List<Long> current = new ArrayList<>(result);
                List<String> pairs = new ArrayList<>();
                for (long uid : removed) {
                    int position = current.indexOf(uid) + 1;
                    pairs.add(position + " " + number(sequence, uid));
                    current.remove(position - 1);
                }
                sb.append(String.join(" ", pairs));
            }
            sb.append(')');
        }
        List<Long> added = next.stream().filter(uid -> !before.contains(uid)).toList();
        if (!added.isEmpty()) {
            sb.append(" ADDTO (");
            if (criteria == null) {
                sb.append("0 ").append(set(sequence, added));
            } else {
                // §4.3.3: a run of consecutive new results goes in at the position of its first one
                List<String> pairs = new ArrayList<>();
                StringBuilder run = null;
                int previous = -2;
                for (int i = 0; i < next.size(); i++) {
                    long uid = next.get(i);
                    if (before.contains(uid)) {
                        continue;
                    }
                    if (run != null && i == previous + 1) {
                        run.append(',').append(number(sequence, uid));
                    } else {
                        if (run != null) {
                            pairs.add(run.toString());
                        }
                        run = new StringBuilder().append(i + 1).append(' ').append(number(sequence, uid));
                    }
                    previous = i;
                }
                pairs.add(run.toString());
                sb.append(String.join(" ", pairs));
            }
            sb.append(')');
        }
        result.clear();
        result.addAll(next);
        if (!removed.isEmpty() || !added.isEmpty()) {
            session.out().untagged(sb);
        }
    }

    private long number(MessageSequence sequence, long uid) {
        return byUid ? uid : sequence.seqOf(uid);
    }

    /** §4.3.3: position 0 results in mailbox order, the shortest set. */
    private String set(MessageSequence sequence, List<Long> uids) {
        List<Long> numbers = uids.stream().map(uid -> number(sequence, uid)).sorted().toList();
        return UidSet.ofSorted(numbers).toString();
    }
}
