package org.courriel.api.message;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.courriel.store.message.SystemFlag;

/**
 * A listing of one mailbox: filters, sort and page. The filters on columns the store keeps per message
 * (subject, dates, flags, attachment) become SQL over the {@code message} table; those that need the header
 * or the body (from, to, text) are left to the store's search ({@link #needsSearch()}).
 *
 * @param from          substring of the From header, any case
 * @param to            substring of the To header, any case
 * @param subject       substring of the decoded subject, any case
 * @param text          substring of the header or of the decoded text parts, any case
 * @param since         messages dated on or after this day (UTC)
 * @param before        messages dated before this day (UTC)
 * @param seen          with (true) or without (false) \Seen; either when null
 * @param flagged       with or without \Flagged; either when null
 * @param hasAttachment with or without an attachment; either when null
 */
public record MessageQuery(String from, String to, String subject, String text, LocalDate since, LocalDate before,
        Boolean seen, Boolean flagged, Boolean hasAttachment, Sort sort, boolean descending, int page, int size) {

    /** What a listing sorts by (RFC 5256's keys, over the values the store keeps); ties go by UID. */
    public enum Sort {
        /** The Date header, or the arrival time when it has none (RFC 5256 §2.2). */
        DATE("COALESCE(sent_date, internal_date)"),
        /** The first From address. */
        FROM("COALESCE(from_address, '')"),
        /** The decoded subject, without regard to case. */
        SUBJECT("COALESCE(LOWER(subject), '')"),
        /** The size in bytes (RFC822.SIZE). */
        SIZE("size"),
        /** The arrival time (IMAP's internal date). */
        ARRIVAL("internal_date");

        private final String expression;

        Sort(String expression) {
            this.expression = expression;
        }

        public static Sort of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** A WHERE clause (after {@code mailbox_id = ?}) with its parameters in order. */
    public record Sql(String where, List<Object> params) {
    }

    /** Whether filters the SQL cannot decide are present. */
    public boolean needsSearch() {
        return notEmpty(from) || notEmpty(to) || notEmpty(text);
    }

    public Sql where() {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (notEmpty(subject)) {
            where.append(" AND LOWER(subject) LIKE ? ESCAPE '\\'");
            params.add(contains(subject));
        }
        if (since != null) {
            where.append(" AND ").append(Sort.DATE.expression).append(" >= ?");
            params.add(startOf(since));
        }
        if (before != null) {
            where.append(" AND ").append(Sort.DATE.expression).append(" < ?");
            params.add(startOf(before));
        }
        flag(where, SystemFlag.SEEN, seen);
        flag(where, SystemFlag.FLAGGED, flagged);
        if (hasAttachment != null) {
            where.append(" AND has_attachment = ?");
            params.add(hasAttachment);
        }
        return new Sql(where.toString(), List.copyOf(params));
    }

    public String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + sort.expression + direction + ", uid" + direction;
    }

    /** The flag's bit of {@code system_flags}, tested with arithmetic both H2 and PostgreSQL evaluate alike. */
    private static void flag(StringBuilder where, SystemFlag flag, Boolean set) {
        if (set != null) {
            where.append(" AND MOD(system_flags / ").append(flag.bit()).append(", 2) = ").append(set ? 1 : 0);
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

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
