package org.courriel.sieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SieveInterpreterTest {

    private static final SieveLimits LIMITS = new SieveLimits(10, 2, Duration.ofSeconds(5));
    private static final String MESSAGE = """
            From: Alice <alice@example.net>\r
            To: bob+lists@example.org, =?UTF-8?Q?Caf=C3=A9?= <cafe@example.org>\r
            Subject: =?UTF-8?Q?R=C3=A9union?= du\r
             lundi\r
            List-Id: <dev.lists.example.net>\r
            \r
            Hello\r
            """;

    private static List<SieveAction> run(String script) throws SieveSyntaxException {
        SieveMessage m = ParsedMessage.of(MESSAGE.getBytes(StandardCharsets.UTF_8), "alice@example.net",
                "bob+lists@example.org", name -> name.equals("Existing"));
        return SieveInterpreter.run(SieveScript.compile(script), m, LIMITS, "+");
    }

    @Test
    void implicitKeepWhenNothingMatches() throws Exception {
        assertThat(run("if header :is \"subject\" \"nope\" { discard; }"))
                .containsExactly(new SieveAction.Keep(Set.of()));
    }

    @Test
    void fileIntoCancelsTheImplicitKeepUnlessCopy() throws Exception {
        assertThat(run("require \"fileinto\"; if exists \"list-id\" { fileinto \"Lists\"; }"))
                .containsExactly(new SieveAction.FileInto("Lists", Set.of(), false));
        assertThat(run("require [\"fileinto\", \"copy\"]; fileinto :copy \"Lists\";"))
                .containsExactly(new SieveAction.FileInto("Lists", Set.of(), false), new SieveAction.Keep(Set.of()));
    }

    @Test
    void headersAreUnfoldedAndDecoded() throws Exception {
        assertThat(run("if header :is \"Subject\" \"Réunion du lundi\" { discard; }")).isEmpty();
        assertThat(run("if header :matches \"subject\" \"r?union*LUNDI\" { discard; }")).isEmpty();
    }

    @Test
    void addressPartsAndSubaddress() throws Exception {
        String script = "require [\"subaddress\", \"envelope\", \"fileinto\"];\n"
                + "if envelope :detail \"to\" \"lists\" { fileinto \"A\"; }\n"
                + "if address :user \"to\" \"bob\" { fileinto \"B\"; }\n"
                + "if address :domain :is \"from\" \"EXAMPLE.NET\" { fileinto \"C\"; }";
        assertThat(run(script)).extracting(a -> ((SieveAction.FileInto) a).mailbox()).containsExactly("A", "B", "C");
    }

    @Test
    void imap4flagsAccumulate() throws Exception {
        assertThat(run("require \"imap4flags\"; setflag \"\\\\Flagged a\"; addflag \"b A\"; removeflag \"b\";"
                + " if hasflag \"a\" { keep; }"))
                .containsExactly(new SieveAction.Keep(Set.of("\\Flagged", "a")));
    }

    @Test
    void relationalCount() throws Exception {
        assertThat(run("require \"relational\"; if address :count \"ge\" \"to\" \"2\" { discard; }")).isEmpty();
    }

    @Test
    void mailboxExistsAndCreate() throws Exception {
        assertThat(run("require [\"mailbox\", \"fileinto\"]; if mailboxexists \"Missing\" { discard; }"
                + " else { fileinto :create \"Missing\"; }"))
                .containsExactly(new SieveAction.FileInto("Missing", Set.of(), true));
    }

    @Test
    void vacationAndRedirectKeepTheMessage() throws Exception {
        List<SieveAction> actions = run("require \"vacation\"; vacation :days 3 \"Away\"; redirect :copy \"x@y\";"
                .replace(":copy ", ""));
        assertThat(actions).hasSize(2).contains(new SieveAction.Redirect("x@y"));
        assertThat(actions).filteredOn(SieveAction.Vacation.class::isInstance)
                .singleElement().extracting(a -> ((SieveAction.Vacation) a).period()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void boundsActionsAndRedirects() {
        assertThatThrownBy(() -> run("redirect \"a@x\"; redirect \"b@x\"; redirect \"c@x\";"))
                .isInstanceOf(SieveRuntimeException.class).hasMessageContaining("redirects");
        assertThatThrownBy(() -> run("require [\"fileinto\",\"copy\"];" + "fileinto :copy \"a\";".repeat(11)))
                .isInstanceOf(SieveRuntimeException.class).hasMessageContaining("actions");
    }

    @Test
    void rejectExcludesKeep() throws Exception {
        assertThat(run("require \"reject\"; reject \"no\";")).containsExactly(new SieveAction.Reject("no", false));
        assertThatThrownBy(() -> run("require \"reject\"; keep; reject \"no\";"))
                .isInstanceOf(SieveRuntimeException.class);
    }

    @Test
    void globCostsNoBacktracking() {
        String value = "a".repeat(5000);
        assertThat(Match.glob(value, "*a*a*a*a*a*a*a*a*a*a*b")).isFalse();
        assertThat(Match.glob("x*y", "x\\*y")).isTrue();
        assertThat(Match.glob("xzy", "x\\*y")).isFalse();
    }
}
