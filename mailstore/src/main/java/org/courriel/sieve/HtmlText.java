package org.courriel.sieve;

import java.util.Locale;
import java.util.Set;

/**
 * An HTML part as text, enough for Sieve's {@code body :text} (RFC 5173 §5.2 leaves the conversion to the
 * implementation): comments, scripts, styles and tags removed (a block-level tag leaves a space), white space runs
 * made one space, the common entities replaced.
 *
 * <p>One pass, linear in the input whatever it holds: the text comes from any sender before anyone authenticated, so
 * an unterminated {@code <!--} or {@code <script>} runs to the end (as in a browser) and a {@code <} with no
 * {@code >} after it is text, instead of being searched for again from every later position (the lazy regular
 * expressions this replaces took hours on 1 MiB of {@code <!--}).
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "br", "div", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5",
            "h6", "table", "ul", "ol", "blockquote");

    private HtmlText() {
    }

    static String of(String html) {
        StringBuilder text = new StringBuilder(Math.min(html.length(), 1 << 16));
        int i = 0;
        int n = html.length();
        boolean closes = true; // false once no '>' follows: every later '<' is text ("a < b")
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<' || !closes) {
                appendCollapsed(text, c);
                i++;
            } else if (html.startsWith("<!--", i)) {
                i = after(html, "-->", i + 4);
                appendCollapsed(text, ' ');
            } else {
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    closes = false;
                    continue;
                }
                String name = tagName(html, i + 1, close);
                i = close + 1;
                if (name.equals("script") || name.equals("style")) {
                    i = afterClosing(html, name, i);
                    appendCollapsed(text, ' ');
                } else if (BLOCKS.contains(name)) {
                    appendCollapsed(text, ' ');
                }
            }
        }
        return entities(text.toString().strip());
    }

    /** The index after the next {@code end} from {@code from}, or the end of the input when there is none. */
    private static int after(String html, String end, int from) {
        int at = html.indexOf(end, from);
        return at < 0 ? html.length() : at + end.length();
    }

    /** The index after {@code </name ...>}, case-insensitive, or the end of the input. */
    private static int afterClosing(String html, String name, int from) {
        int at = from;
        while ((at = html.indexOf("</", at)) >= 0) {
            if (html.regionMatches(true, at + 2, name, 0, name.length())) {
                return after(html, ">", at + 2 + name.length());
            }
            at += 2;
        }
        return html.length();
    }

    /** The element name of the tag between {@code from} and {@code end}, lower case, without a leading '/'. */
    private static String tagName(String html, int from, int end) {
        int start = from < end && html.charAt(from) == '/' ? from + 1 : from;
        int stop = start;
        while (stop < end && Character.isLetterOrDigit(html.charAt(stop))) {
            stop++;
        }
        return html.substring(start, stop).toLowerCase(Locale.ROOT);
    }

    private static void appendCollapsed(StringBuilder text, char c) {
        if (Character.isWhitespace(c)) {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
        } else {
            text.append(c);
        }
    }

    private static String entities(String text) {
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
