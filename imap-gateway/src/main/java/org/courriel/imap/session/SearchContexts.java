package org.courriel.imap.session;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The updating contexts of the selected mailbox (RFC 5267 §4.3), by tag. They end with the selection, since
 * they live in it, and their number is bounded: past {@link #MAX} a searching command is answered without
 * updates (RFC 5267 §4.3.1, NOUPDATE).
 */
public final class SearchContexts {

    /** RFC 5267 §4.3.1: servers MUST provide at least one updating context and SHOULD provide more. */
    public static final int MAX = 10;

    private final Map<String, UpdatingContext> byTag = new LinkedHashMap<>();

    /** Whether a context with this tag is kept (RFC 5267 §4.3: a reused tag is refused). */
    public boolean has(String tag) {
        return byTag.containsKey(tag);
    }

    /** Whether another context can be kept. */
    public boolean full() {
        return byTag.size() >= MAX;
    }

    public void add(UpdatingContext context) {
        if (full()) {
            throw new IllegalStateException("too many contexts");
        }
        byTag.put(context.tag(), context);
    }

    /** RFC 5267 §4.3.5: CANCELUPDATE; false when no context has this tag. */
    public boolean cancel(String tag) {
        return byTag.remove(tag) != null;
    }

    public boolean isEmpty() {
        return byTag.isEmpty();
    }

    void expunging(ImapSession session, Collection<Long> uids) {
        for (UpdatingContext context : byTag.values()) {
            context.expunging(session, uids);
        }
    }

    void refresh(ImapSession session, Set<Long> changed) {
        for (UpdatingContext context : byTag.values()) {
            context.refresh(session, changed);
        }
    }
}
