package org.courriel.sieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.courriel.sieve.SieveRuns.LIMITS;
import static org.courriel.sieve.SieveRuns.mailboxes;
import static org.courriel.sieve.SieveRuns.message;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6609: include, return and global, with its examples, on the account's other scripts. */
class IncludeTest {

    private static final SieveMessage MAIL = message("""
            From: boss@example.com
            To: me@example.org
            Subject: Lunch

            body
            """);

    // RFC 6609 §3.1's example scripts, with names of our own.
    private static final Map<String, String> PERSONAL = Map.of(
            "spam_tests", """
                    require ["fileinto"];
                    if header :contains "subject" "$$" { fileinto "spam"; }
                    """,
            "boss", """
                    require ["fileinto", "include"];
                    if address :is "from" "boss@example.com" { fileinto "Boss"; return; }
                    fileinto "NotReached";
                    """,
            "set_folder", """
                    require ["variables", "include"];
                    global "folder";
                    set "folder" "From${x}Boss";
                    set "local" "hidden";
                    """,
            "loop", """
                    require "include";
                    include "loop";
                    """,
            "broken", "fileinto \"x\";");

    private static List<String> run(String script) throws SieveSyntaxException {
        return mailboxes(SieveInterpreter.run(SieveScript.compile(script), MAIL, LIMITS, "+",
                (name, global) -> global ? null : PERSONAL.get(name)));
    }

    @Test
    void includedScriptsRunInPlaceAndReturnEndsOnlyThem() throws Exception {
        assertThat(run("""
                require ["include", "fileinto"];
                include :personal "spam_tests";
                include "boss";
                fileinto "After";
                """)).containsExactly("Boss", "After");
    }

    @Test
    void globalVariablesAreSharedAndOthersStayLocal() throws Exception {
        assertThat(run("""
                require ["include", "variables", "fileinto"];
                global "folder";
                set "local" "mine";
                include "set_folder";
                fileinto "${folder}-${local}";
                """)).containsExactly("FromBoss-mine");
    }

    @Test
    void onceAndOptional() throws Exception {
        assertThat(run("""
                require ["include", "fileinto", "copy"];
                include :once "boss";
                include :once "boss";
                include :optional "nowhere";
                include :global :optional "spam_tests";
                """)).containsExactly("Boss");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "require \"include\"; include \"nowhere\";|no personal script \"nowhere\"",
        "require \"include\"; include :global \"boss\";|no global script",
        "require \"include\"; include \"loop\";|includes itself",
        "require \"include\"; include \"broken\";|missing require \"fileinto\"",
    })
    void failuresAtRunTimeKeepTheMessage(String script, String message) {
        assertThatThrownBy(() -> run(script)).isInstanceOf(SieveRuntimeException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "include \"a\";|missing require \"include\"",
        "require \"include\"; include :personal :global \"a\";|exclude each other",
        "require \"include\"; include \"../a\";|not a script name",
        "require \"include\"; global \"a\";|missing require \"variables\"",
        "require [\"include\", \"variables\"]; set \"n\" \"a\"; include \"${n}\";|must be a constant",
    })
    void refusesBadIncludes(String script, String message) {
        assertThatThrownBy(() -> SieveScript.compile(script)).isInstanceOf(SieveSyntaxException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aScriptIncludingAMissingOneIsAcceptedAtUpload() throws Exception {
        // RFC 6609 §3.2: whether the included script exists is only known when the script runs.
        assertThat(SieveScript.compile("require \"include\"; include \"not-yet-uploaded\";")).isNotNull();
    }
}
