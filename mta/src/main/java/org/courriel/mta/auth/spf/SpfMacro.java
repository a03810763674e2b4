package org.courriel.mta.auth.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Macro expansion (RFC 7208 §7): {@code %{ir}.%{l1r+-}._spf.%{d}}. Pure but for the lazy {@code p} letter. */
final class SpfMacro {

    /** What the letters stand for in one check_host() call. */
    record Context(String sender, String currentDomain, InetAddress ip, String helo, Supplier<String> validatedName) {

        String localPart() {
            return sender.substring(0, sender.lastIndexOf('@'));
        }

        String senderDomain() {
            return sender.substring(sender.lastIndexOf('@') + 1);
        }
    }

    private static final String DELIMITERS = ".-+,/_=";

    private SpfMacro() {
    }

    /** Checks the syntax of a macro-string (RFC 7208 §7.1); {@code c}, {@code r}, {@code t} only in exp. */
    static void check(String macroString, boolean explanation) throws SpfException {
        expand(macroString, null, explanation);
    }

    static String expand(String macroString, Context context) throws SpfException {
        return expand(macroString, context, false);
    }

    /** With a null context, only checks. */
    private static String expand(String s, Context context, boolean explanation) throws SpfException {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw SpfException.permerror("bad character in " + s);
            }
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                throw SpfException.permerror("lone % in " + s);
            }
            char next = s.charAt(++i);
            switch (next) {
                case '%' -> out.append('%');
                case '_' -> out.append(' ');
                case '-' -> out.append("%20");
                case '{' -> {
                    int close = s.indexOf('}', i);
                    if (close < 0) {
                        throw SpfException.permerror("unclosed macro in " + s);
                    }
                    out.append(letter(s.substring(i + 1, close), context, explanation));
                    i = close;
                }
                default -> throw SpfException.permerror("bad macro %" + next + " in " + s);
            }
        }
        return out.toString();
    }

    /** RFC 7208 §7.3: letter, digits, optional "r", delimiters. */
    private static String letter(String macro, Context context, boolean explanation) throws SpfException {
        if (macro.isEmpty()) {
            throw SpfException.permerror("empty macro");
        }
        char letter = macro.charAt(0);
        char lower = Character.toLowerCase(letter);
        if ("slodiphv".indexOf(lower) < 0 && !(explanation && "crt".indexOf(lower) >= 0)) {
            throw SpfException.permerror("bad macro letter " + letter);
        }
        int i = 1;
        int digitsStart = i;
        while (i < macro.length() && Character.isDigit(macro.charAt(i))) {
            i++;
        }
        int keep = i > digitsStart ? Integer.parseInt(macro.substring(digitsStart, Math.min(i, digitsStart + 3))) : 0;
        if (i > digitsStart && keep == 0) {
            throw SpfException.permerror("zero labels in macro " + macro);
        }
        boolean reverse = i < macro.length() && Character.toLowerCase(macro.charAt(i)) == 'r';
        if (reverse) {
            i++;
        }
        String delimiters = macro.substring(i);
        for (char d : delimiters.toCharArray()) {
            if (DELIMITERS.indexOf(d) < 0) {
                throw SpfException.permerror("bad delimiter in macro " + macro);
            }
        }
        if (context == null) {
            return "";
        }
        String value = value(lower, context);
        List<String> parts = new ArrayList<>(Arrays.asList(split(value, delimiters.isEmpty() ? "." : delimiters)));
        if (reverse) {
            Collections.reverse(parts);
        }
        if (keep > 0 && keep < parts.size()) {
            parts = parts.subList(parts.size() - keep, parts.size());
        }
        String expanded = String.join(".", parts);
        // RFC 7208 §7.3: an upper-case letter is URL-escaped.
        return Character.isUpperCase(letter)
                ? URLEncoder.encode(expanded, StandardCharsets.UTF_8).replace("+", "%20") : expanded;
    }

    private static String[] split(String value, String delimiters) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (delimiters.indexOf(value.charAt(i)) >= 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts.toArray(String[]::new);
    }

    private static String value(char letter, Context c) {
        return switch (letter) {
            case 's' -> c.sender();
            case 'l' -> c.localPart();
            case 'o' -> c.senderDomain();
            case 'd' -> c.currentDomain();
            case 'i' -> dotted(c.ip());
            case 'p' -> c.validatedName().get();
            case 'v' -> c.ip() instanceof Inet4Address ? "in-addr" : "ip6";
            case 'h' -> c.helo();
            default -> ""; // c, r, t: explanations, which are not evaluated
        };
    }

    /** RFC 7208 §7.3: IPv4 dotted quad; IPv6 as dot-separated nibbles. */
    static String dotted(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        StringBuilder b = new StringBuilder();
        for (byte octet : ip.getAddress()) {
            b.append(Character.forDigit((octet >> 4) & 0xf, 16)).append('.')
                    .append(Character.forDigit(octet & 0xf, 16)).append('.');
        }
        return b.substring(0, b.length() - 1).toLowerCase(Locale.ROOT);
    }
}
