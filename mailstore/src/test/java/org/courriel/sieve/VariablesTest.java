package org.courriel.sieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.courriel.sieve.SieveRuns.mailboxes;
import static org.courriel.sieve.SieveRuns.message;
import static org.courriel.sieve.SieveRuns.run;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5229: its examples, parsed, checked and run on a message. */
class VariablesTest {

    private static final SieveMessage MAIL = message("""
            From: Alice <alice@example.net>
            To: bob@example.org
            Subject: [acme-users] [fwd] version 1.0 is out
            List-Id: Dovecot Mailing List <dovecot@dovecot.example.net>

            Hello
            """);

    /** The mailbox the script's last line, {@code fileinto "${out}"}, files into. */
    private static String out(String script) throws SieveSyntaxException {
        List<SieveAction> actions = run("require [\"variables\", \"fileinto\"];\n" + script
                + "\nfileinto \"${out}\";", MAIL);
        return mailboxes(actions).getFirst();
    }

    // RFC 5229 §3 examples: 'company' holds "ACME".
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "&%${}!|&%${}!",
        "${doh!}|${doh!}",
        "x${full}y|xy",
        "${company}|ACME",
        "${BAD${Company}|${BADACME",
        "${President, ${Company} Inc.}|${President, ACME Inc.}",
    })
    void expandsReferencesAsSection3Says(String written, String expanded) throws Exception {
        assertThat(out("set \"company\" \"ACME\"; set \"out\" \"" + written + "\";")).isEqualTo(expanded);
    }

    // RFC 5229 §4.1 examples, with a = "juMBlEd lETteRS".
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "set :length \"out\" \"${a}\";|15",
        "set :lower \"out\" \"${a}\";|jumbled letters",
        "set :upperfirst \"out\" \"${a}\";|JuMBlEd lETteRS",
        "set :upperfirst :lower \"out\" \"${a}\";|Jumbled letters",
        "set :lower :upperfirst \"out\" \"${a}\";|Jumbled letters",
        "set :quotewildcard \"out\" \"Rock*\";|Rock\\*",
        "set :length :upper \"out\" \"ab\";|2",
    })
    void modifiersApplyByPrecedence(String set, String value) throws Exception {
        assertThat(out("set \"a\" \"juMBlEd lETteRS\"; " + set)).isEqualTo(value);
    }

    @Test
    void namesAreCaseInsensitiveAndTextBlocksExpand() throws Exception {
        assertThat(out("set \"Honorific\" \"Mr\"; set \"last_name\" \"Doe\";\n"
                + "set \"out\" text:\nDear ${HONORIFIC} ${last_name},\n.\n;")).isEqualTo("Dear Mr Doe,\r\n");
    }

    @Test
    void matchVariablesComeFromTheLastSuccessfulMatch() throws Exception {
        // RFC 5229 §3.2: ${1} = "acme-users", ${2} = "[fwd] version 1.0 is out".
        assertThat(out("if header :matches \"Subject\" \"[*] *\" { set \"out\" \"${1}|${2}|${0}\"; }"))
                .isEqualTo("acme-users|[fwd] version 1.0 is out|[acme-users] [fwd] version 1.0 is out");
        assertThat(out("if header :matches \"List-ID\" \"*<*@*\" { set \"out\" \"lists.${2}\"; }"))
                .isEqualTo("lists.dovecot");
        // A failing :matches leaves them as they were; ? is a wildcard too; the case of the value is kept.
        assertThat(out("if address :matches \"from\" \"A?ice@*\" {}\n"
                + "if header :matches \"subject\" \"nothing*\" {}\n"
                + "set \"out\" \"${1}-${2}-${3}\";")).isEqualTo("l-example.net-");
    }

    @Test
    void expandsInTestsAndActions() throws Exception {
        List<SieveAction> actions = run("require [\"variables\", \"fileinto\", \"imap4flags\"];\n"
                + "set \"h\" \"subject\"; set \"f\" \"\\\\Seen\";\n"
                + "if header :contains \"${h}\" \"acme\" { fileinto :flags \"${f}\" \"Lists\"; }", MAIL);
        assertThat(actions).containsExactly(new SieveAction.FileInto("Lists", java.util.Set.of("\\Seen"), false));
    }

    @Test
    void stringTest() throws Exception {
        assertThat(mailboxes(run("require [\"variables\", \"fileinto\", \"relational\"];\n"
                + "set \"a\" \"x\";\n"
                + "if string :is \"${a}\" \"x\" { fileinto \"A\"; }\n"
                + "if string :count \"eq\" [\"${a}\", \"${none}\"] \"1\" { fileinto \"B\"; }\n"
                + "if string :is \"${none}\" \"\" { fileinto \"C\"; }", MAIL))).containsExactly("A", "B", "C");
    }

    @Test
    void withoutRequireStringsStayAsWritten() throws Exception {
        assertThat(mailboxes(run("require \"fileinto\"; fileinto \"${x}\";", MAIL))).containsExactly("${x}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "set \"a\" \"b\";|missing require \"variables\"",
        "require \"variables\"; set :lower :upper \"a\" \"b\";|same precedence",
        "require \"variables\"; set \"a-b\" \"c\";|not a variable name",
        "require \"variables\"; set :frob \"a\" \"c\";|unknown tag :frob",
    })
    void refusesBadSet(String script, String message) {
        assertThatThrownBy(() -> SieveScript.compile(script)).isInstanceOf(SieveSyntaxException.class)
                .hasMessageContaining(message);
    }

    @Test
    void boundsVariablesAndValues() throws Exception {
        SieveLimits small = new SieveLimits(10, 2, Duration.ofSeconds(5), 2, 5);
        SieveScript many = SieveScript.compile("require \"variables\"; set \"a\" \"1\"; set \"b\" \"2\"; set \"c\" \"3\";");
        assertThatThrownBy(() -> SieveInterpreter.run(many, MAIL, small, "+"))
                .isInstanceOf(SieveRuntimeException.class).hasMessageContaining("more than 2 variables");
        SieveScript longValue = SieveScript.compile("require [\"variables\", \"fileinto\"];"
                + " set \"a\" \"123456789\"; fileinto \"${a}${a}\";");
        assertThat(mailboxes(SieveInterpreter.run(longValue, MAIL, small, "+"))).containsExactly("12345");
    }

    @Test
    void capturesCostNoExponentialBacktracking() {
        String value = "a".repeat(3000);
        assertThat(Wildcards.captures(value, "*a*a*a*a*a*a*a*a*a*a*b", false)).isNull();
        assertThat(Wildcards.captures("x*y", "x\\*?", false)).containsExactly("x*y", "y");
    }
}
