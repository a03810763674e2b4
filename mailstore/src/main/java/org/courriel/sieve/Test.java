package org.courriel.sieve;

import java.util.List;

/** A checked test of a script. */
sealed interface Test {

    /** RFC 5228 §5.1; {@code index} as in {@link Date}. */
    record Address(AddressPart part, Match match, List<String> headers, List<String> keys, int index)
            implements Test {
    }

    /** RFC 5228 §5.4: envelope parts {@code from}, {@code to}. */
    record Envelope(AddressPart part, Match match, List<String> parts, List<String> keys) implements Test {
    }

    /** RFC 5228 §5.7; {@code index} as in {@link Date}. */
    record Header(Match match, List<String> headers, List<String> keys, int index) implements Test {
    }

    /** RFC 5228 §5.5. */
    record Exists(List<String> headers) implements Test {
    }

    /** RFC 5228 §5.9. */
    record Size(boolean over, long limit) implements Test {
    }

    record AllOf(List<Test> tests) implements Test {
    }

    record AnyOf(List<Test> tests) implements Test {
    }

    record Not(Test test) implements Test {
    }

    record Constant(boolean value) implements Test {
    }

    /** RFC 5232 §4: tests the internal flag variable. */
    record HasFlag(Match match, List<String> keys) implements Test {
    }

    /** RFC 5490 §3.1. */
    record MailboxExists(List<String> names) implements Test {
    }

    /** RFC 5229 §5: {@code string} compares expanded strings. */
    record StringTest(Match match, List<String> sources, List<String> keys) implements Test {
    }

    /**
     * RFC 5260 §4 {@code date} (a header field's date) and §5 {@code currentdate} ({@code header} null).
     *
     * @param zone         the :zone to convert to, or null for the local zone
     * @param originalZone :originalzone, the zone the field was written in
     * @param index        RFC 5260 §6: 0 for every field, n for the nth from the top, -n for the nth from the
     *                     bottom (:last)
     */
    record Date(String header, String zone, boolean originalZone, String part, Match match, List<String> keys,
            int index) implements Test {
    }

    /**
     * RFC 7352 §3: {@code duplicate}.
     *
     * @param header   :header, the field whose value identifies the message; null for :uniqueid or Message-ID
     * @param uniqueId :uniqueid, the identifier itself, or null
     * @param seconds  :seconds, or -1 for the site's default
     */
    record Duplicate(String handle, String header, String uniqueId, long seconds, boolean last) implements Test {
    }

    /** RFC 3685 §3 {@code spamtest}, RFC 5235 §3.2 with {@code :percent}. */
    record SpamTest(boolean percent, Match match, String value) implements Test {
    }

    /** RFC 5173: {@code body :raw|:content types|:text}. */
    record Body(Match match, BodyText.Transform transform, List<String> types, List<String> keys) implements Test {
    }

    /** RFC 5228 §2.7.4 and RFC 5233 §4: which part of an address a test compares. */
    enum AddressPart { ALL, LOCALPART, DOMAIN, USER, DETAIL }
}
