package org.courriel.store.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.courriel.store.message.SystemFlag;
import org.courriel.store.message.UidSet;

/**
 * The search criteria a message row's own columns decide exactly, as one SQL condition over {@code message}:
 * ALL, UID sets, the system flags and their UN- forms, LARGER and SMALLER (strictly, RFC 9051 §6.4.4), MODSEQ
 * (RFC 7162 §3.1.5), and NOT, OR and AND of these. The one translation of these criteria into SQL: IMAP SEARCH
 * ({@link MessageSearch}) is answered by it alone when a whole key is of this kind, and the REST listing's flag
 * filters ({@link ListingSql}) are the same conditions. Every column used is NOT NULL, so NOT needs no care for
 * unknowns.
 *
 * @param sql    the condition, to stand after {@code AND}
 * @param params its parameters, in order
 */
record ColumnCondition(String sql, List<Object> params) {

    /** The most UID ranges one condition lists; a set of more ranges is left to the scan. */
    static final int MAX_UID_RANGES = 64;

    private static final ColumnCondition TRUE = new ColumnCondition("1 = 1", List.of());

    /** The condition that decides {@code key}, or empty when part of it needs the header, body or keywords. */
    static Optional<ColumnCondition> of(SearchKey key) {
        return switch (key) {
            case SearchKey.All a -> Optional.of(TRUE);
            case SearchKey.Uids u -> uids(u.uids());
            case SearchKey.Flag f -> Optional.of(flag(f.flag(), f.set()));
            case SearchKey.Larger l -> Optional.of(new ColumnCondition("size > ?", List.of(l.size())));
            case SearchKey.Smaller s -> Optional.of(new ColumnCondition("size < ?", List.of(s.size())));
            case SearchKey.ModSeq m -> Optional.of(new ColumnCondition("modseq >= ?", List.of(m.modseq())));
            case SearchKey.Not n -> of(n.key()).map(c -> new ColumnCondition("NOT (" + c.sql + ")", c.params));
            case SearchKey.Or o -> joined(List.of(o.left(), o.right()), " OR ");
            case SearchKey.And a -> a.keys().isEmpty() ? Optional.of(TRUE) : joined(a.keys(), " AND ");
            default -> Optional.empty();
        };
    }

    /**
     * The flag's bit of {@code system_flags} set or clear, tested with arithmetic both H2 and PostgreSQL
     * evaluate alike.
     */
    static ColumnCondition flag(SystemFlag flag, boolean set) {
        return new ColumnCondition("MOD(system_flags / " + flag.bit() + ", 2) = " + (set ? 1 : 0), List.of());
    }

    private static Optional<ColumnCondition> uids(UidSet uids) {
        if (uids.isEmpty()) {
            return Optional.of(new ColumnCondition("1 = 0", List.of()));
        }
        if (uids.ranges().size() > MAX_UID_RANGES) {
            return Optional.empty();
        }
        List<String> ranges = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (UidSet.Range r : uids.ranges()) {
            ranges.add("uid BETWEEN ? AND ?");
            params.add(r.low());
            params.add(r.high());
        }
        return Optional.of(new ColumnCondition("(" + String.join(" OR ", ranges) + ")", List.copyOf(params)));
    }

    private static Optional<ColumnCondition> joined(List<SearchKey> keys, String operator) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SearchKey k : keys) {
            Optional<ColumnCondition> c = of(k);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            parts.add("(" + c.get().sql + ")");
            params.addAll(c.get().params);
        }
        return Optional.of(new ColumnCondition(String.join(operator, parts), List.copyOf(params)));
    }
}
