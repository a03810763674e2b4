package org.courriel.sieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.courriel.sieve.SieveRuns.message;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7352: its examples, parsed, checked and run on a message, with a memory of earlier deliveries. */
class DuplicateTest {

    private static final String MAIL = """
            Message-ID: <1234@example.net>\r
            Subject: ALERT: disk full\r
            X-Event: e-17\r
            \r
            body\r
            """;

    private static List<SieveAction> run(String script, Set<String> seen) throws SieveSyntaxException {
        ParsedMessage m = message(MAIL).withDuplicates(seen::contains);
        return SieveRuns.run(script, m);
    }

    @Test
    void theFirstCopyIsNoDuplicateAndIsTracked() throws Exception {
        // RFC 7352 §3's first example.
        String script = "require [\"duplicate\", \"fileinto\", \"mailbox\"];\n"
                + "if duplicate { fileinto :create \"Trash/Duplicate\"; }";
        String key = DuplicateKey.of("", "<1234@example.net>");
        assertThat(run(script, Set.of())).containsExactly(new SieveAction.Keep(Set.of()),
                new SieveAction.TrackDuplicate(key, null, false));
        assertThat(run(script, Set.of(key))).containsExactly(new SieveAction.FileInto("Trash/Duplicate", Set.of(), true),
                new SieveAction.TrackDuplicate(key, null, false));
    }

    @Test
    void uniqueIdFromAMatchVariable() throws Exception {
        // RFC 7352 §3's alert example: one alert a minute is new, repeats are marked seen.
        String script = """
                require ["duplicate", "variables", "imap4flags", "fileinto"];
                if header :matches "subject" "ALERT: *" {
                  if duplicate :seconds 60 :uniqueid "${1}" { setflag "\\\\seen"; }
                  fileinto "Alerts";
                }
                """;
        String key = DuplicateKey.of("", "disk full");
        assertThat(run(script, Set.of(key))).containsExactly(new SieveAction.FileInto("Alerts", Set.of("\\seen"), false),
                new SieveAction.TrackDuplicate(key, Duration.ofSeconds(60), false));
        assertThat(run(script, Set.of())).containsExactly(new SieveAction.FileInto("Alerts", Set.of(), false),
                new SieveAction.TrackDuplicate(key, Duration.ofSeconds(60), false));
    }

    @Test
    void handlesKeepSeparateListsAndHeaderNamesTheIdentifier() throws Exception {
        String script = "require \"duplicate\";\n"
                + "if duplicate :handle \"events\" :header \"X-Event\" :last { discard; }\n"
                + "if duplicate :header \"X-Missing\" { discard; }";
        String key = DuplicateKey.of("events", "e-17");
        assertThat(run(script, Set.of(DuplicateKey.of("", "e-17")))).containsExactly(new SieveAction.Keep(Set.of()),
                new SieveAction.TrackDuplicate(key, null, true));
        assertThat(run(script, Set.of(key))).containsExactly(new SieveAction.TrackDuplicate(key, null, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "if duplicate { keep; }|missing require \"duplicate\"",
        "require \"duplicate\"; if duplicate :header \"a\" :uniqueid \"b\" { keep; }|exclude each other",
        "require \"duplicate\"; if duplicate :days 3 { keep; }|unknown tag :days",
    })
    void refusesBadDuplicateTests(String script, String message) {
        assertThatThrownBy(() -> SieveScript.compile(script)).isInstanceOf(SieveSyntaxException.class)
                .hasMessageContaining(message);
    }
}
