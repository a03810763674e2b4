package org.courriel.imap.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Dates in commands (RFC 9051 §9 date-time for APPEND, date for SEARCH). */
public final class DateTimes {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d-MMM-yyyy HH:mm:ss Z", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ROOT);

    private DateTimes() {
    }

    /** "dd-Mon-yyyy hh:mm:ss +zzzz" with the day possibly space-padded. */
    public static Instant dateTime(String text) {
        try {
            return OffsetDateTime.parse(capitalizeMonth(text.strip()), DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ImapSyntaxException("bad date-time " + text);
        }
    }

    /** "d-Mon-yyyy" (SEARCH BEFORE, ON, SINCE…). */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(capitalizeMonth(text), DATE);
        } catch (DateTimeParseException e) {
            throw new ImapSyntaxException("bad date " + text);
        }
    }

    /** Month names are case-insensitive in IMAP; the formatter wants "Jan". */
    private static String capitalizeMonth(String text) {
        int dash = text.indexOf('-');
        if (dash < 0 || dash + 4 > text.length()) {
            return text;
        }
        return text.substring(0, dash + 1) + Character.toUpperCase(text.charAt(dash + 1))
                + text.substring(dash + 2, dash + 4).toLowerCase(Locale.ROOT) + text.substring(dash + 4);
    }

    public static final ZoneOffset UTC = ZoneOffset.UTC;
}
