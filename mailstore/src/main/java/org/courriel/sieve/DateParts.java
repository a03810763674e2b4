package org.courriel.sieve;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date-parts of RFC 5260 §4.2 and the RFC 5322 §3.3 dates they are taken from. Pure. */
final class DateParts {

    /** RFC 5260 §4.2's date-part names. */
    static final List<String> NAMES = List.of("year", "month", "day", "date", "julian", "hour", "minute", "second",
            "time", "iso8601", "std11", "zone", "weekday");

    // RFC 5322 §3.3 (and §4.3 obsolete forms): [day ","] d month y h:m[:s] zone, leniently spaced.
    private static final Pattern DATE_TIME = Pattern.compile("(?:[a-z]+\\s*,\\s*)?(\\d{1,2})\\s+([a-z]{3})[a-z]*\\.?"
            + "\\s+(\\d{2,4})\\s+(\\d{1,2})\\s*:\\s*(\\d{2})(?:\\s*:\\s*(\\d{2}))?\\s*([+-]\\d{4}|[a-z]{1,5})?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ZONE = Pattern.compile("[+-](\\d{2})(\\d{2})");

    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private static final DateTimeFormatter STD11 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx",
            Locale.ENGLISH);

    /** RFC 5322 §4.3: the obsolete zone names with their offsets; others (military letters) are -0000. */
    private static final List<String> NAMED_ZONES = List.of("ut", "gmt", "edt", "est", "cdt", "cst", "mdt", "mst",
            "pdt", "pst");
    private static final int[] NAMED_OFFSETS = {0, 0, -4, -5, -5, -6, -6, -7, -7, -8};

    private DateParts() {
    }

    /** The date-time in a header field's value (after the last ';' of a Received field), or null. */
    static ZonedDateTime parse(String value) {
        Matcher m = DATE_TIME.matcher(value);
        if (!m.find()) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        // RFC 5322 §4.3: two-digit years 00-49 are 20xx, 50-99 and three-digit years count from 1900.
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (m.group(3).length() == 3) {
            year += 1900;
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        try {
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6))));
            return local.atZone(offset(m.group(7)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        ZoneOffset numeric = zone(zone);
        if (numeric != null) {
            return numeric;
        }
        int named = NAMED_ZONES.indexOf(zone.toLowerCase(Locale.ROOT));
        return named < 0 ? ZoneOffset.UTC : ZoneOffset.ofHours(NAMED_OFFSETS[named]);
    }

    /** RFC 5260 §4.1: a :zone argument, "+hhmm" or "-hhmm"; null when it is not one. */
    static ZoneOffset zone(String zone) {
        Matcher m = ZONE.matcher(zone.strip());
        if (!m.matches() || Integer.parseInt(m.group(2)) > 59) {
            return null;
        }
        int minutes = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        try {
            return ZoneOffset.ofTotalSeconds((zone.strip().charAt(0) == '-' ? -minutes : minutes) * 60);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** RFC 5260 §4.2: one part of a date-time, as the test compares it. */
    static String part(ZonedDateTime t, String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "year" -> String.format(Locale.ROOT, "%04d", t.getYear());
            case "month" -> two(t.getMonthValue());
            case "day" -> two(t.getDayOfMonth());
            case "date" -> t.toLocalDate().toString();
            // Modified Julian Day: days since 1858-11-17.
            case "julian" -> Long.toString(t.toLocalDate().toEpochDay() - LocalDate.of(1858, 11, 17).toEpochDay());
            case "hour" -> two(t.getHour());
            case "minute" -> two(t.getMinute());
            case "second" -> two(t.getSecond());
            case "time" -> two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
            case "iso8601" -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT));
            case "std11" -> t.format(STD11);
            case "zone" -> t.format(DateTimeFormatter.ofPattern("xx", Locale.ROOT));
            case "weekday" -> Integer.toString(t.getDayOfWeek().getValue() % 7); // Sunday is 0
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
