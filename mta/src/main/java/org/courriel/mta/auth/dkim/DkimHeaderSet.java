package org.courriel.mta.auth.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which header fields a signature covers (the h= tag): the set RFC 6376 §5.4.1 recommends, every instance
 * present, and the fields a receiver shows or acts on oversigned, i.e. named once more than they occur, so
 * that a copy added later (a second From, a Subject above the signed one) breaks the signature (§8.15).
 * Trace fields (Received, Return-Path) are never signed: they change on the way (§5.4.1).
 */
final class DkimHeaderSet {

    /** RFC 6376 §5.4.1, plus Message-ID and the MIME fields of RFC 2045 §3, in the order they are listed. */
    static final List<String> SIGNED = List.of("from", "reply-to", "subject", "date", "to", "cc", "message-id",
            "in-reply-to", "references", "resent-date", "resent-from", "resent-sender", "resent-to", "resent-cc",
            "list-id", "list-help", "list-unsubscribe", "list-unsubscribe-post", "list-subscribe", "list-post",
            "list-owner", "list-archive", "mime-version", "content-type", "content-transfer-encoding", "content-id",
            "content-description");

    /** Signed one more time than they occur, also when absent. */
    static final Set<String> OVERSIGNED = Set.of("from", "reply-to", "subject", "date", "to", "cc", "message-id",
            "mime-version", "content-type", "content-transfer-encoding");

    private DkimHeaderSet() {
    }

    /** The h= names for this header section, lower case, in signing order. */
    static List<String> names(RawHeaderSection header) {
        List<String> names = new ArrayList<>();
        for (String name : SIGNED) {
            int times = header.count(name) + (OVERSIGNED.contains(name) ? 1 : 0);
            for (int i = 0; i < times; i++) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * RFC 6376 §5.4.2: each name takes the last instance not yet taken, from the bottom up; a name with
     * none left (an oversigned one) contributes nothing.
     */
    static List<String> select(RawHeaderSection header, List<String> names) {
        List<String> fields = header.fields();
        boolean[] used = new boolean[fields.size()];
        List<String> selected = new ArrayList<>();
        for (String name : names) {
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (!used[i] && RawHeaderSection.name(fields.get(i)).toLowerCase(Locale.ROOT).equals(name)) {
                    used[i] = true;
                    selected.add(fields.get(i));
                    break;
                }
            }
        }
        return selected;
    }
}
