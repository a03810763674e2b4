package org.courriel.sieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.courriel.sieve.SieveRuns.mailboxes;
import static org.courriel.sieve.SieveRuns.run;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5260: date, currentdate and index, with its examples, parsed, checked and run on a message. */
class DateIndexTest {

    /** The run happens on Sunday 2007-07-01 at 10:20:30 in +0200. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2007, 7, 1, 10, 20, 30, 0, ZoneOffset.ofHours(2));

    private static final SieveMessage MAIL = ParsedMessage.of("""
            Received: from mx.example.net by mx.example.org; Sat, 30 Jun 2007 23:59:10 +0000\r
            Received: from a.example by mx.example.net; Fri, 29 Jun 2007 12:00:00 -0500\r
            From: boss@example.com\r
            To: a@example.org, b@example.org\r
            To: c@example.org\r
            Date: Fri, 29 Jun 2007 09:30:05 -0700 (PDT)\r
            \r
            body\r
            """.getBytes(StandardCharsets.UTF_8), "boss@example.com", "a@example.org", name -> false, NOW);

    private static List<String> filed(String test) throws SieveSyntaxException {
        return mailboxes(run("require [\"date\", \"index\", \"relational\", \"fileinto\", \"variables\"];\n"
                + "if " + test + " { fileinto \"hit\"; }", MAIL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // RFC 5260 §7: office hours in the sender's own zone.
        "allof(header :is \"from\" \"boss@example.com\", date :value \"ge\" :originalzone \"date\" \"hour\" \"09\","
            + " date :value \"lt\" :originalzone \"date\" \"hour\" \"17\")|hit",
        // Converted to the local zone (+0200) it is 18:30.
        "date :is \"date\" \"hour\" \"18\"|hit",
        "date :zone \"+0000\" \"date\" \"time\" \"16:30:05\"|hit",
        "date :originalzone \"date\" \"zone\" \"-0700\"|hit",
        "date :originalzone \"date\" \"iso8601\" \"2007-06-29T09:30:05-07:00\"|hit",
        "date :originalzone \"date\" \"std11\" \"Fri, 29 Jun 2007 09:30:05 -0700\"|hit",
        "date :originalzone \"date\" \"julian\" \"54280\"|hit",
        "date :originalzone \"date\" \"weekday\" \"5\"|hit",
        "date :zone \"+0000\" \"date\" \"date\" \"2007-06-29\"|hit",
        "allof(date :originalzone \"date\" \"year\" \"2007\", date :originalzone \"date\" \"month\" \"06\","
            + " date :originalzone \"date\" \"day\" \"29\", date :originalzone \"date\" \"minute\" \"30\","
            + " date :originalzone \"date\" \"second\" \"05\")|hit",
        // Received: the date after the last ';'; the first field is the newest (§7's weekend example).
        "anyof(date :is :zone \"+0000\" \"received\" \"weekday\" \"0\", date :is :zone \"+0000\" \"received\" \"weekday\" \"6\")|hit",
        "date :index 2 :zone \"+0000\" \"received\" \"weekday\" \"6\"|INBOX",
        "date :index 1 :last :originalzone \"received\" \"zone\" \"-0500\"|hit",
        "date :is \"x-missing\" \"year\" \"2007\"|INBOX",
        // §5 currentdate, and its example of a vacation window.
        "allof(currentdate :value \"ge\" \"date\" \"2007-06-30\", currentdate :value \"le\" \"date\" \"2007-07-07\")|hit",
        "currentdate :zone \"-0100\" \"date\" \"2007-07-01\"|hit",
        "currentdate :zone \"-1100\" \"date\" \"2007-06-30\"|hit",
        "currentdate :is \"weekday\" \"0\"|hit",
        // §6 index on header and address: per field, from the top or with :last from the bottom.
        "header :index 2 :contains \"received\" \"a.example\"|hit",
        "header :index 1 :last :contains \"received\" \"mx.example.net by\"|INBOX",
        "address :index 2 :is \"to\" \"c@example.org\"|hit",
        "address :index 1 :count \"eq\" \"to\" \"2\"|hit",
        "address :index 3 :is \"to\" \"c@example.org\"|INBOX",
    })
    void testsAsTheRfcSays(String test, String mailbox) throws Exception {
        assertThat(filed(test)).containsExactly(mailbox);
    }

    @Test
    void datePartsFeedVariables() throws Exception {
        // RFC 5260 §7's last example.
        assertThat(mailboxes(run("require [\"date\", \"variables\", \"fileinto\"];\n"
                + "if currentdate :matches \"month\" \"*\" { set \"month\" \"${1}\"; }\n"
                + "if currentdate :matches \"year\"  \"*\" { set \"year\" \"${1}\"; }\n"
                + "fileinto \"${month}-${year}\";", MAIL))).containsExactly("07-2007");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Fri, 29 Jun 2007 09:30:05 -0700|2007-06-29T09:30:05-07:00",
        "29 Jun 07 09:30 EST|2007-06-29T09:30-05:00",
        "Mon,  3 Feb 1997 9:05:00 GMT|1997-02-03T09:05Z",
        "3 Feb 97 09:05:00 +0130 (odd comment)|1997-02-03T09:05+01:30",
    })
    void parsesRfc5322Dates(String value, String parsed) {
        assertThat(DateParts.parse(value).toOffsetDateTime()).hasToString(parsed);
    }

    @Test
    void unparsableDatesAreNull() {
        assertThat(DateParts.parse("yesterday")).isNull();
        assertThat(DateParts.parse("31 Feb 2007 10:00:00 +0000")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "require \"date\"; if date \"date\" \"decade\" \"x\" { keep; }|unknown date-part",
        "require \"date\"; if date :zone \"CET\" \"date\" \"year\" \"x\" { keep; }|not +hhmm",
        "require \"date\"; if date :zone \"+0100\" :originalzone \"date\" \"year\" \"x\" { keep; }|exclude",
        "require \"date\"; if currentdate :originalzone \"year\" \"x\" { keep; }|unknown tag :originalzone",
        "require \"date\"; if header :index 1 \"a\" \"b\" { keep; }|missing require \"index\"",
        "require \"index\"; if header :last \"a\" \"b\" { keep; }|:last needs :index",
        "require \"index\"; if header :index 0 \"a\" \"b\" { keep; }|counts from 1",
        "if currentdate \"year\" \"2007\" { keep; }|missing require \"date\"",
    })
    void refusesBadDateTests(String script, String message) {
        assertThatThrownBy(() -> SieveScript.compile(script)).isInstanceOf(SieveSyntaxException.class)
                .hasMessageContaining(message);
    }
}
