package org.courriel.sieve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The variables of one run (RFC 5229): named ones set by {@code set}, and the match variables {@code ${0}} …
 * {@code ${9}} of the last successful {@code :matches}. Pure; bounded by {@link SieveLimits}.
 */
final class Variables {

    /** RFC 5229 §3.2: match variables ${0} to at least ${9}. */
    static final int MATCH_VARIABLES = 10;

    private final Map<String, String> named = new HashMap<>();
    /** RFC 6609 §3.4: the variables every script of the run shares, and those this script declared global. */
    private final Map<String, String> globals;
    private final java.util.Set<String> declared = new java.util.HashSet<>();
    private List<String> matched = List.of();
    private final int maxVariables;
    private final int maxSize;

    Variables(SieveLimits limits) {
        this(limits, new HashMap<>());
    }

    /** The variables of an included script, sharing {@code globals} with the rest of the run. */
    Variables(SieveLimits limits, Map<String, String> globals) {
        this.globals = globals;
        this.maxVariables = limits.maxVariables();
        this.maxSize = limits.maxVariableSize();
    }

    /** RFC 5229 §4: names are case-insensitive. */
    void set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        Map<String, String> map = declared.contains(key) ? globals : named;
        if (!map.containsKey(key) && map.size() >= maxVariables) {
            throw new SieveRuntimeException("more than " + maxVariables + " variables");
        }
        map.put(key, cut(value));
    }

    /** RFC 6609 §3.4: from here on this name is the run's shared variable. */
    void declareGlobal(String name) {
        declared.add(name.toLowerCase(Locale.ROOT));
    }

    /** RFC 5229 §3.2: a successful :matches sets ${0} (the whole value) and one per wildcard. */
    void matched(List<String> groups) {
        matched = groups.stream().limit(MATCH_VARIABLES).map(this::cut).toList();
    }

    /**
     * RFC 5229 §3: every {@code ${name}} and {@code ${N}} replaced by its value ("" when unset); anything that
     * is not a well-formed reference stays as written. Not recursive: a value is not expanded again.
     */
    String expand(String s) {
        if (s.indexOf("${") < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf("${", i);
            if (open < 0) {
                out.append(s, i, s.length());
                break;
            }
            out.append(s, i, open);
            int close = s.indexOf('}', open + 2);
            String name = close < 0 ? null : s.substring(open + 2, close);
            if (name == null || !reference(name)) {
                // "${BAD${Company}": the first "${" is text; scanning resumes right after it.
                out.append("${");
                i = open + 2;
                continue;
            }
            out.append(value(name));
            i = close + 1;
            if (out.length() > maxSize) {
                break;
            }
        }
        return cut(out.toString());
    }

    List<String> expand(List<String> list) {
        return list.stream().map(this::expand).toList();
    }

    private String value(String name) {
        if (Character.isDigit(name.charAt(0))) {
            int n = Integer.parseInt(name.length() > 3 ? "999" : name);
            return n < matched.size() ? matched.get(n) : "";
        }
        String key = name.toLowerCase(Locale.ROOT);
        return (declared.contains(key) ? globals : named).getOrDefault(key, "");
    }

    // RFC 5229 §3 grammar: variable-ref = "${" [namespace] variable-name "}"; identifier or num-variable.
    static boolean reference(String name) {
        if (name.isEmpty()) {
            return false;
        }
        // No extension here defines a namespace, so a dotted name is not a reference.
        return name.chars().allMatch(Character::isDigit) || identifier(name);
    }

    /** RFC 5228 §8.1 identifier: ALPHA or "_" first, then ALPHA, DIGIT or "_". */
    static boolean identifier(String s) {
        if (s.isEmpty() || !(letter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        return s.chars().allMatch(c -> letter(c) || c == '_' || (c >= '0' && c <= '9'));
    }

    private static boolean letter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** At most the configured size, never splitting a surrogate pair. */
    private String cut(String s) {
        if (s.length() <= maxSize) {
            return s;
        }
        int end = maxSize;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** RFC 5229 §4.1 modifiers, applied highest precedence first. */
    enum Modifier {
        LOWER(40), UPPER(40), LOWERFIRST(30), UPPERFIRST(30), QUOTEWILDCARD(20), LENGTH(10);

        final int precedence;

        Modifier(int precedence) {
            this.precedence = precedence;
        }

        String apply(String s) {
            return switch (this) {
                case LOWER -> s.toLowerCase(Locale.ROOT);
                case UPPER -> s.toUpperCase(Locale.ROOT);
                case LOWERFIRST -> s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
                case UPPERFIRST -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
                case QUOTEWILDCARD -> s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
                case LENGTH -> Integer.toString(s.codePointCount(0, s.length()));
            };
        }

        static String applyAll(List<Modifier> modifiers, String s) {
            List<Modifier> sorted = new ArrayList<>(modifiers);
            sorted.sort((a, b) -> b.precedence - a.precedence);
            String out = s;
            for (Modifier m : sorted) {
                out = m.apply(out);
            }
            return out;
        }
    }
}
