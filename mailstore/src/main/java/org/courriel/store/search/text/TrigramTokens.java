package org.courriel.store.search.text;

import java.util.Arrays;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The trigrams of a text, one token per code point where a trigram starts, at consecutive positions: a needle
 * of three or more code points is in the text exactly when its trigrams stand at the same distances here (a
 * phrase query), so the index answers substring search without a check. Trigrams holding the
 * {@link IndexedText#SEPARATOR} are left out (no needle has one) and their positions skipped.
 */
final class TrigramTokens extends TokenStream {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final int[] codePoints;
    private int next;

    TrigramTokens(String text) {
        this.codePoints = codePoints(text);
    }

    /** The text's code points; a loop, not {@code String.codePoints()}: its stream took 6 % of the indexer's time. */
    private static int[] codePoints(String text) {
        int[] out = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); n++) {
            int cp = text.codePointAt(i);
            out[n] = cp;
            i += Character.charCount(cp);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    public boolean incrementToken() {
        int skipped = 0;
        while (next + IndexedText.MIN_NEEDLE <= codePoints.length && holdsSeparator(next)) {
            next++;
            skipped++;
        }
        if (next + IndexedText.MIN_NEEDLE > codePoints.length) {
            return false;
        }
        clearAttributes();
        // straight into the term's buffer, not a string per code point of each token
        char[] chars = term.resizeBuffer(2 * IndexedText.MIN_NEEDLE);
        int length = 0;
        for (int i = next; i < next + IndexedText.MIN_NEEDLE; i++) {
            length += Character.toChars(codePoints[i], chars, length);
        }
        term.setLength(length);
        increment.setPositionIncrement(skipped + 1);
        next++;
        return true;
    }

    private boolean holdsSeparator(int from) {
        for (int i = from; i < from + IndexedText.MIN_NEEDLE; i++) {
            if (codePoints[i] == IndexedText.SEPARATOR) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = 0;
    }

    /** The trigrams of a needle, in order (a needle holds no separator). */
    static String[] of(String needle) {
        int[] cps = needle.codePoints().toArray();
        String[] out = new String[Math.max(0, cps.length - IndexedText.MIN_NEEDLE + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = new String(cps, i, IndexedText.MIN_NEEDLE);
        }
        return out;
    }
}
