package org.courriel.store.preview;

import java.util.Locale;
import java.util.Map;

/**
 * The text of an HTML part, for a preview: tags and comments removed, the content of {@code script}, {@code style}
 * and {@code head} dropped, a few common character references replaced; white space is left to the caller. One
 * pass, linear in the input: a comment or a dropped element that never ends runs to the end, and a {@code <}
 * without a {@code >} after it is text.
 */
final class HtmlToText {

    /** How far after an {@code &} its {@code ;} may stand: the names above are short. */
    private static final int MAX_REFERENCE = 6;
    private static final Map<String, String> ENTITIES = Map.of("nbsp", " ", "amp", "&", "lt", "<", "gt", ">",
            "quot", "\"", "apos", "'", "#39", "'");

    private HtmlToText() {
    }

    static String of(String html) {
        StringBuilder out = new StringBuilder(Math.min(html.length(), 4096));
        int n = html.length();
        int i = 0;
        int lastClose = html.lastIndexOf('>');
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && i < lastClose) {
                if (html.startsWith("<!--", i)) {
                    i = end(html, "-->", i + 4);
                    continue;
                }
                int close = html.indexOf('>', i + 1);
                String name = tagName(html, i + 1, close);
                i = close + 1;
                out.append(' ');
                if (name.equals("script") || name.equals("style") || name.equals("head") || name.equals("title")) {
                    i = end(html, "</" + name, i);
                    int after = html.indexOf('>', i);
                    i = after < 0 ? n : after + 1;
                }
            } else if (c == '&') {
                int semi = semicolon(html, i);
                String value = semi > 0 ? ENTITIES.get(html.substring(i + 1, semi).toLowerCase(Locale.ROOT)) : null;
                if (value != null) {
                    out.append(value);
                    i = semi + 1;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The {@code ;} that ends a character reference starting at {@code amp}, looked for only a few characters
     * ahead so that a run of {@code &} stays linear; -1 when there is none that near.
     */
    private static int semicolon(String html, int amp) {
        int limit = Math.min(html.length(), amp + MAX_REFERENCE + 1);
        for (int i = amp + 1; i < limit; i++) {
            if (html.charAt(i) == ';') {
                return i;
            }
        }
        return -1;
    }

    /** The index after {@code marker}, searched case-insensitively from {@code from}; the end when absent. */
    private static int end(String html, String marker, int from) {
        for (int i = from; i + marker.length() <= html.length(); i++) {
            if (html.regionMatches(true, i, marker, 0, marker.length())) {
                return i + marker.length();
            }
        }
        return html.length();
    }

    private static String tagName(String html, int from, int to) {
        int i = from;
        while (i < to && !Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < to && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        return html.substring(start, i).toLowerCase(Locale.ROOT);
    }
}
