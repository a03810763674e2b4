package org.courriel.sieve;

import java.util.List;
import java.util.Locale;

/**
 * A comparator with a match type (RFC 5228 §2.7), and relational's {@code :count}/{@code :value} (RFC 5231).
 * Pure.
 */
record Match(Type type, Relation relation, Comparator comparator) {

    static final Match DEFAULT = new Match(Type.IS, null, Comparator.ASCII_CASEMAP);

    enum Type { IS, CONTAINS, MATCHES, VALUE, COUNT }

    /** RFC 5231 §4. */
    enum Relation {
        GT, GE, LT, LE, EQ, NE;

        boolean holds(int compared) {
            return switch (this) {
                case GT -> compared > 0;
                case GE -> compared >= 0;
                case LT -> compared < 0;
                case LE -> compared <= 0;
                case EQ -> compared == 0;
                case NE -> compared != 0;
            };
        }
    }

    /** RFC 4790 §9 comparators that RFC 5228 §2.7.3 names. */
    enum Comparator {
        OCTET("i;octet"), ASCII_CASEMAP("i;ascii-casemap"), ASCII_NUMERIC("i;ascii-numeric");

        final String name;

        Comparator(String name) {
            this.name = name;
        }

        static Comparator named(String name) {
            for (Comparator c : values()) {
                if (c.name.equalsIgnoreCase(name)) {
                    return c;
                }
            }
            return null;
        }

        String fold(String s) {
            return this == ASCII_CASEMAP ? s.toLowerCase(Locale.ROOT) : s;
        }

        // RFC 4790 §9.1.1: the leading digits as a number; a string without them is greater than any number.
        int compare(String a, String b) {
            if (this != ASCII_NUMERIC) {
                return fold(a).compareTo(fold(b));
            }
            String x = leadingDigits(a);
            String y = leadingDigits(b);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            return new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
        }

        private static String leadingDigits(String s) {
            int i = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            return i == 0 ? null : s.substring(0, i);
        }
    }

    /** Whether any of {@code values} matches any of {@code keys}. */
    boolean any(List<String> values, List<String> keys) {
        return any(values, keys, null);
    }

    /**
     * As {@link #any(List, List)}; when a {@code :matches} succeeds and {@code variables} is not null, its
     * wildcards become the match variables (RFC 5229 §3.2).
     */
    boolean any(List<String> values, List<String> keys, Variables variables) {
        if (type == Type.COUNT) {
            String count = Integer.toString(values.size());
            return keys.stream().anyMatch(k -> relation.holds(Comparator.ASCII_NUMERIC.compare(count, k)));
        }
        for (String v : values) {
            for (String k : keys) {
                if (one(v, k)) {
                    if (variables != null && type == Type.MATCHES) {
                        List<String> groups = Wildcards.captures(v, k, comparator == Comparator.ASCII_CASEMAP);
                        variables.matched(groups == null ? List.of(v) : groups);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private boolean one(String value, String key) {
        return switch (type) {
            case IS -> comparator.compare(value, key) == 0;
            case CONTAINS -> comparator.fold(value).contains(comparator.fold(key));
            case MATCHES -> glob(comparator.fold(value), comparator.fold(key));
            case VALUE -> relation.holds(comparator.compare(value, key));
            case COUNT -> throw new IllegalStateException();
        };
    }

    // RFC 5228 §2.7.1: '*' any sequence, '?' one character, '\' quotes the next one. Matched without
    // backtracking beyond the last '*', so a hostile pattern costs at most value length times key length.
    static boolean glob(String value, String key) {
        int v = 0;
        int k = 0;
        int starKey = -1;
        int starValue = 0;
        while (v < value.length()) {
            if (k < key.length() && key.charAt(k) == '*') {
                starKey = k++;
                starValue = v;
            } else if (k < key.length() && matchesOne(key, k, value.charAt(v))) {
                k += key.charAt(k) == '\\' && k + 1 < key.length() ? 2 : 1;
                v++;
            } else if (starKey >= 0) {
                k = starKey + 1;
                v = ++starValue;
            } else {
                return false;
            }
        }
        while (k < key.length() && key.charAt(k) == '*') {
            k++;
        }
        return k == key.length();
    }

    private static boolean matchesOne(String key, int k, char c) {
        char p = key.charAt(k);
        if (p == '\\' && k + 1 < key.length()) {
            return key.charAt(k + 1) == c;
        }
        return p == '?' || p == c;
    }
}
