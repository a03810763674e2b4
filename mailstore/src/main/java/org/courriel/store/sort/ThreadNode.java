package org.courriel.store.sort;

import java.util.List;

/**
 * One node of a THREAD answer (RFC 5256 §4): a message, or a dummy standing for a parent that was not searched
 * (or does not exist), and its children in order.
 *
 * @param uid      the message's UID, or null for a dummy
 * @param children the replies, sorted
 */
public record ThreadNode(Long uid, List<ThreadNode> children) {

    public static ThreadNode of(long uid, ThreadNode... children) {
        return new ThreadNode(uid, List.of(children));
    }

    public static ThreadNode dummy(ThreadNode... children) {
        return new ThreadNode(null, List.of(children));
    }
}
