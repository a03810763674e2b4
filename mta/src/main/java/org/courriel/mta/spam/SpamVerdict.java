package org.courriel.mta.spam;

import java.util.List;
import java.util.Locale;

/**
 * A filter's opinion of one message.
 *
 * @param action        what the filter advises
 * @param score         its score
 * @param requiredScore the score at which it calls a message spam
 * @param symbols       the rules that matched, for the X-Spam-Status header and the log
 * @param reason        the filter's text for the sender when it advises a refusal (rspamd's {@code smtp_message}), or empty
 * @param available     false when the filter could not be asked; {@link #decision()} then follows the unavailable policy
 */
public record SpamVerdict(SpamAction action, double score, double requiredScore, List<String> symbols, String reason,
        boolean available) {

    public SpamVerdict {
        symbols = List.copyOf(symbols);
        reason = reason == null ? "" : reason;
    }

    /** Symbols per folded line of X-Spam-Status; names are at most a few dozen characters. */
    private static final int SYMBOLS_PER_LINE = 8;

    /** No filter asked, or none configured. */
    public static final SpamVerdict UNSCORED = new SpamVerdict(SpamAction.NO_ACTION, 0, 0, List.of(), "", true);

    public static SpamVerdict unavailable(String why) {
        return new SpamVerdict(SpamAction.NO_ACTION, 0, 0, List.of(), why, false);
    }

    /**
     * The one place where a filter's action becomes what Courriel does (docs/spam.md): reject refuses, soft reject
     * and greylist try later, add header and rewrite subject deliver to Junk (Courriel never rewrites a subject),
     * no action delivers.
     */
    public SpamDecision decision(SpamProperties.Unavailable whenUnavailable) {
        if (!available) {
            return whenUnavailable == SpamProperties.Unavailable.TEMPFAIL ? SpamDecision.TEMPFAIL : SpamDecision.DELIVER;
        }
        return switch (action) {
            case REJECT -> SpamDecision.REJECT;
            case SOFT_REJECT, GREYLIST -> SpamDecision.TEMPFAIL;
            case ADD_HEADER, REWRITE_SUBJECT -> SpamDecision.JUNK;
            case NO_ACTION -> SpamDecision.DELIVER;
        };
    }

    /**
     * The header fields added to a delivered, scored message: {@code X-Spam-Status: Yes|No, score=s required=r
     * tests=...} (SpamAssassin's form, which clients and Sieve scripts already read) and {@code X-Spam-Score}.
     */
    public String headerFields(boolean junk) {
        if (!available || this == UNSCORED) {
            return "";
        }
        StringBuilder status = new StringBuilder("X-Spam-Status: ").append(junk ? "Yes" : "No")
                .append(", score=").append(format(score)).append(" required=").append(format(requiredScore));
        // RFC 5322 §2.1.1, §2.2.3: folded every few symbols, so no line nears the 998-octet limit
        for (int i = 0; i < symbols.size(); i += SYMBOLS_PER_LINE) {
            status.append(i == 0 ? "\r\n\ttests=" : ",\r\n\t").append(String.join(",", symbols
                    .subList(i, Math.min(symbols.size(), i + SYMBOLS_PER_LINE)).stream().map(SpamVerdict::token).toList()));
        }
        return status.append("\r\n").append("X-Spam-Score: ").append(format(score)).append("\r\n").toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A symbol name as a header token: no CR, LF, comma or space can break the field, and none is very long. */
    private static String token(String symbol) {
        String clean = symbol.replaceAll("[^A-Za-z0-9_.:-]", "_");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
