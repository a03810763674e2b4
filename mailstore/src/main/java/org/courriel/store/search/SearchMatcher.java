package org.courriel.store.search;

import java.time.LocalDate;
import java.time.ZoneId;

import org.courriel.store.message.Flags;
import org.courriel.store.search.text.SearchText;

/**
 * Decides whether one message matches a key (RFC 9051 §6.4.4), in three-valued logic: {@code null} means the
 * answer needs the message's content, which the candidate does not carry yet. NOT, OR and AND follow Kleene's
 * rules, so that a key already decided by flags or header never waits for the content.
 */
final class SearchMatcher {

    private final ZoneId zone;

    SearchMatcher(ZoneId zone) {
        this.zone = zone;
    }

    Boolean matches(SearchKey key, SearchCandidate m) {
        return switch (key) {
            case SearchKey.All a -> true;
            case SearchKey.Uids u -> u.uids().contains(m.record.uid());
            case SearchKey.Flag f -> m.record.flags().has(f.flag()) == f.set();
            case SearchKey.Keyword k -> hasKeyword(m.record.flags(), k.keyword()) == k.set();
            case SearchKey.Header h -> header(m, h);
            case SearchKey.Body b -> body(m, b.value());
            case SearchKey.Text t -> or(headerText(m, t.value()), body(m, t.value()));
            case SearchKey.InternalDate d -> compare(LocalDate.ofInstant(m.record.internalDate(), zone), d.relation(),
                    d.date());
            // RFC 5032 §3: OLDER matches "less recent than or equal to", YOUNGER "more recent than or equal to"
            case SearchKey.InternalAge a -> a.older() ? !m.record.internalDate().isAfter(a.target())
                    : !m.record.internalDate().isBefore(a.target());
            case SearchKey.SentDate d -> {
                LocalDate sent = m.sentDate();
                yield sent != null && compare(sent, d.relation(), d.date());
            }
            case SearchKey.Larger l -> m.record.size() > l.size();
            case SearchKey.Smaller s -> m.record.size() < s.size();
            case SearchKey.ModSeq s -> m.record.modseq() >= s.modseq();
            // decided by SQL before the scan (RowKeys)
            case SearchKey.SaveDate d -> throw new IllegalStateException("unresolved " + d);
            case SearchKey.ContentIs c -> throw new IllegalStateException("unresolved " + c);
            case SearchKey.HasAttachment h -> m.record.summary() != null && m.record.summary().hasAttachment();
            case SearchKey.Not n -> {
                Boolean inner = matches(n.key(), m);
                yield inner == null ? null : !inner;
            }
            case SearchKey.Or o -> {
                Boolean left = matches(o.left(), m);
                yield Boolean.TRUE.equals(left) ? Boolean.TRUE : or(left, matches(o.right(), m));
            }
            case SearchKey.And a -> {
                Boolean result = true;
                for (SearchKey k : a.keys()) {
                    Boolean r = matches(k, m);
                    if (Boolean.FALSE.equals(r)) {
                        yield false;
                    }
                    if (r == null) {
                        result = null;
                    }
                }
                yield result;
            }
        };
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    private static boolean hasKeyword(Flags flags, String keyword) {
        return flags.keywords().stream().anyMatch(k -> k.equalsIgnoreCase(keyword));
    }

    /** RFC 9051 §6.4.4 HEADER: the string in the field's value; an empty string matches any such field. */
    private static boolean header(SearchCandidate m, SearchKey.Header h) {
        var fields = m.fields(h.field());
        if (fields == null) {
            return false;
        }
        String needle = SearchText.fold(h.value());
        boolean addressField = SearchText.isAddressField(h.field());
        for (SearchText.Field f : fields) {
            if (f.foldedValue().contains(needle) || addressField && anyAddressContains(f.value(), needle)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 9051 §6.4.4: FROM/TO/CC/BCC also match the addresses as parsed ({@link SearchText#addressForms}). */
    private static boolean anyAddressContains(String value, String needle) {
        for (String form : SearchText.addressForms(value)) {
            if (form.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** TEXT's header half: the string anywhere in the header, field names included. */
    private static Boolean headerText(SearchCandidate m, String value) {
        var fields = m.fields();
        if (fields == null) {
            return null;
        }
        String needle = SearchText.fold(value);
        for (SearchText.Field f : fields) {
            if (SearchText.textLine(f).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static Boolean body(SearchCandidate m, String value) {
        var texts = m.bodyTexts();
        if (texts == null) {
            return null;
        }
        String needle = SearchText.fold(value);
        return texts.stream().anyMatch(t -> t.contains(needle));
    }

    /** RFC 9051 §6.4.4: BEFORE is earlier than the date, ON within it, SINCE within or later. */
    private static boolean compare(LocalDate date, SearchKey.DateRelation relation, LocalDate target) {
        return switch (relation) {
            case BEFORE -> date.isBefore(target);
            case ON -> date.isEqual(target);
            case SINCE -> !date.isBefore(target);
        };
    }
}
