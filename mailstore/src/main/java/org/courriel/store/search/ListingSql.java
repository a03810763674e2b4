package org.courriel.store.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courriel.store.message.SystemFlag;

/**
 * The SQL of a {@link MessageQuery} over the {@code message} table's sort and filter columns (subject, dates,
 * flags, attachment). Filters that need the header or body (from, to, text) are not here: {@link MessageSearch}
 * decides them.
 *
 * @param where  the conditions after {@code mailbox_id = ?}, each starting with AND
 * @param params their parameters, in order
 */
record ListingSql(String where, List<Object> params) {

    static ListingSql where(MessageFilter filter) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (MessageFilter.present(filter.subject())) {
            where.append(" AND LOWER(subject) LIKE ? ESCAPE '\\'");
            params.add(contains(filter.subject()));
        }
        if (filter.since() != null) {
            where.append(" AND ").append(expression(MessageQuery.Sort.DATE)).append(" >= ?");
            params.add(startOf(filter.since()));
        }
        if (filter.before() != null) {
            where.append(" AND ").append(expression(MessageQuery.Sort.DATE)).append(" < ?");
            params.add(startOf(filter.before()));
        }
        flag(where, SystemFlag.SEEN, filter.seen());
        flag(where, SystemFlag.FLAGGED, filter.flagged());
        if (filter.hasAttachment() != null) {
            where.append(" AND has_attachment = ?");
            params.add(filter.hasAttachment());
        }
        return new ListingSql(where.toString(), List.copyOf(params));
    }

    /** The FROM clause of listings and sorts: the message rows with their contents' sort keys. */
    static final String FROM = " FROM message m LEFT JOIN content_sort s ON s.content_id = m.content_id";

    /** A listing's order: its key, ties by UID in the same direction. */
    static String orderBy(MessageQuery query) {
        return orderBy(List.of(new SortCriterion(query.sort(), query.descending())), query.descending());
    }

    /**
     * The order of several criteria in priority order (RFC 5256 §3), then the UID. A message without sort keys
     * (its row not yet filled) sorts as the empty string, first (RFC 5256 §3: "The empty string always collates
     * before non-empty strings").
     */
    static String orderBy(List<SortCriterion> criteria, boolean uidDescending) {
        StringBuilder sb = new StringBuilder(" ORDER BY ");
        for (SortCriterion c : criteria) {
            sb.append(expression(c.key())).append(c.reverse() ? " DESC NULLS LAST, " : " ASC NULLS FIRST, ");
        }
        return sb.append("m.uid").append(uidDescending ? " DESC" : " ASC").toString();
    }

    /** The column expression a sort key orders by; string keys are stored collated (content_sort). */
    static String expression(MessageQuery.Sort sort) {
        return switch (sort) {
            case DATE -> "COALESCE(sent_date, internal_date)";
            case FROM -> "s.from_mailbox";
            case SUBJECT -> "s.base_subject";
            case SIZE -> "size";
            case ARRIVAL -> "internal_date";
            case TO -> "s.to_mailbox";
            case CC -> "s.cc_mailbox";
            case DISPLAYFROM -> "s.display_from";
            case DISPLAYTO -> "s.display_to";
        };
    }

    /** The flag's condition as IMAP SEARCH's SEEN/UNSEEN, FLAGGED/UNFLAGGED decide it ({@link ColumnCondition}). */
    private static void flag(StringBuilder where, SystemFlag flag, Boolean set) {
        if (set != null) {
            where.append(" AND ").append(ColumnCondition.flag(flag, set).sql());
        }
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** A LIKE pattern for a substring, lower case, with the pattern's own characters escaped. */
    static String contains(String value) {
        String escaped = value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
