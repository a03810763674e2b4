package org.courriel.sieve;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spam filter's verdict on a message, as {@code spamtest} sees it (RFC 3685, RFC 5235). Pure.
 *
 * @param score    the filter's score
 * @param required the score at which it calls a message spam
 */
public record SpamScore(double score, double required) {

    private static final Pattern STATUS = Pattern.compile(
            "score=(-?\\d+(?:\\.\\d+)?)\\s+required=(-?\\d+(?:\\.\\d+)?)", Pattern.CASE_INSENSITIVE);

    /**
     * The verdict the receiving server wrote: an {@code X-Spam-Status: Yes|No, score=s required=r} field
     * above the first Received field. The intake writes its own above the Received line it adds and removes
     * the sender's copies; one below a Received field came with the message and is not believed.
     *
     * @param fields the header fields in order, names in lower case, values unfolded
     */
    static SpamScore fromHeader(List<String[]> fields) {
        for (String[] f : fields) {
            if (f[0].equals("received")) {
                return null;
            }
            if (f[0].equals("x-spam-status")) {
                Matcher m = STATUS.matcher(f[1]);
                return m.find() ? new SpamScore(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))) : null;
            }
        }
        return null;
    }

    /**
     * RFC 3685 §3: 1 (surely not spam) to 10 (surely spam): 1 at or below zero, 10 from the required score on,
     * 2 to 9 in between, in proportion.
     */
    int value() {
        if (score <= 0) {
            return 1;
        }
        if (required <= 0 || score >= required) {
            return 10;
        }
        return Math.min(9, 2 + (int) (8 * score / required));
    }

    /** RFC 5235 §3.2: 0 to 100, the score as a share of the required one. */
    int percent() {
        if (score <= 0) {
            return 0;
        }
        if (required <= 0 || score >= required) {
            return 100;
        }
        return (int) Math.round(100 * score / required);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "score=%.2f required=%.2f", score, required);
    }
}
