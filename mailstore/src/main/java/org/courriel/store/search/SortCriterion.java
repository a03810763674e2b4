package org.courriel.store.search;

/**
 * One sort criterion of SORT (RFC 5256 §3 sort-criterion): a key, and REVERSE, which turns that key alone.
 *
 * @param key     the key
 * @param reverse descending (REVERSE)
 */
public record SortCriterion(MessageQuery.Sort key, boolean reverse) {

    public SortCriterion {
        if (key == null) {
            throw new IllegalArgumentException("a sort criterion needs a key");
        }
    }
}
