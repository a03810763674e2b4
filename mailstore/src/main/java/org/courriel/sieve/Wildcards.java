package org.courriel.sieve;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What each wildcard of a {@code :matches} key matched (RFC 5229 §3.2), for the match variables. Pure.
 * <p>
 * Each {@code *} takes as few characters as it can, left to right, so that {@code "[*] *"} on
 * {@code "[acme-users] [fwd] out"} gives {@code acme-users} and {@code [fwd] out}. Failed positions are
 * remembered, so a hostile key costs at most key length times value length steps per wildcard.
 */
final class Wildcards {

    /** Keys with more wildcards, or pairs with more states, set ${0} only. */
    static final int MAX_WILDCARDS = 64;
    static final long MAX_STATES = 1L << 24;

    private final String value;
    private final String key;
    private final boolean ignoreCase;
    private final BitSet failed;
    private final List<String> groups = new ArrayList<>();

    private Wildcards(String value, String key, boolean ignoreCase) {
        this.value = value;
        this.key = key;
        this.ignoreCase = ignoreCase;
        this.failed = new BitSet();
    }

    /**
     * ${0} (the whole value) and one string per wildcard, or null when {@code key} does not match; with
     * {@code ignoreCase}, characters compare as i;ascii-casemap does, and the groups keep the value's case.
     */
    static List<String> captures(String value, String key, boolean ignoreCase) {
        long wildcards = key.chars().filter(c -> c == '*' || c == '?').count();
        if (wildcards > MAX_WILDCARDS || (long) (key.length() + 1) * (value.length() + 1) > MAX_STATES) {
            // Too costly to split: ${0} alone (callers ask only after Match.glob said it matches).
            return List.of(value);
        }
        Wildcards w = new Wildcards(value, key, ignoreCase);
        if (!w.match(0, 0)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        out.add(value);
        out.addAll(w.groups.reversed());
        return out;
    }

    // Groups are added on the way back out of the recursion, hence reversed above.
    private boolean match(int k, int v) {
        int state = k * (value.length() + 1) + v;
        if (failed.get(state)) {
            return false;
        }
        boolean ok = step(k, v);
        if (!ok) {
            failed.set(state);
        }
        return ok;
    }

    private boolean step(int k, int v) {
        // Literal characters are consumed in a loop: the recursion is only as deep as the key has wildcards.
        while (k < key.length() && key.charAt(k) != '*' && key.charAt(k) != '?') {
            boolean quoted = key.charAt(k) == '\\' && k + 1 < key.length();
            char p = quoted ? key.charAt(k + 1) : key.charAt(k);
            if (v == value.length() || !same(p, value.charAt(v))) {
                return false;
            }
            k += quoted ? 2 : 1;
            v++;
        }
        if (k == key.length()) {
            return v == value.length();
        }
        if (key.charAt(k) == '?') {
            if (v < value.length() && match(k + 1, v + 1)) {
                groups.add(value.substring(v, v + 1));
                return true;
            }
            return false;
        }
        for (int end = v; end <= value.length(); end++) {
            if (match(k + 1, end)) {
                groups.add(value.substring(v, end));
                return true;
            }
        }
        return false;
    }

    private boolean same(char a, char b) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
