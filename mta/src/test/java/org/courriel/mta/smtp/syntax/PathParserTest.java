package org.courriel.mta.smtp.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.courriel.mta.smtp.reply.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            // arguments                             | mailbox                 | params        | route | quoted | literal
            "FROM:<alice@crepes.fr>                  | alice@crepes.fr         | ''            | false | false  | false",
            "FROM: <alice@crepes.fr>                 | alice@crepes.fr         | ''            | false | false  | false",
            "from:<alice@crepes.fr> SIZE=10 BODY=8BITMIME | alice@crepes.fr    | SIZE=10 BODY=8BITMIME | false | false | false",
            "FROM:<>                                 | ''                      | ''            | false | false  | false",
            "FROM:<> RET=HDRS                        | ''                      | RET=HDRS      | false | false  | false",
            "FROM:alice@crepes.fr                    | alice@crepes.fr         | ''            | false | false  | false",
            "FROM:<@a.example,@b.example:joe@c.example> | joe@c.example        | ''            | true  | false  | false",
            "FROM:<\"joe smith\"@c.example>          | \"joe smith\"@c.example | ''            | false | true   | false",
            "FROM:<\"a>b\"@c.example> X=1            | \"a>b\"@c.example       | X=1           | false | true   | false",
            "FROM:<joe@[192.0.2.1]>                  | joe@[192.0.2.1]         | ''            | false | false  | true",
            "FROM:<jösé@crêpes.fr>                   | jösé@crêpes.fr          | ''            | false | false  | false",
            "FROM:<Postmaster>                       | Postmaster              | ''            | false | false  | false"})
    void parsesPathsAndTheirForm(String arguments, String mailbox, String params, boolean route, boolean quoted,
            boolean literal) throws SmtpSyntaxException {
        PathParser.Parsed parsed = PathParser.parse(arguments.strip(), "FROM", Reply.BAD_SENDER_SYNTAX);
        assertThat(parsed.path().mailbox()).isEqualTo(mailbox);
        assertThat(parsed.parameters()).isEqualTo(params);
        assertThat(parsed.path().sourceRoute()).isEqualTo(route);
        assertThat(parsed.path().quotedLocal()).isEqualTo(quoted);
        assertThat(parsed.path().addressLiteral()).isEqualTo(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FROM:<alice@crepes.fr", "FROM:<a@b>x", "FROM:<@a.example joe@b.example>", "FROM:<a..b@c.example>",
            "FROM:<a@b..c>", "FROM:<@b.example>", "FROM:<a b@c.example>", "FROM:<a@>", "FROM:<a@b_c.example>"})
    void refusesBadPaths(String arguments) {
        assertThatThrownBy(() -> PathParser.parse(arguments, "FROM", Reply.BAD_SENDER_SYNTAX))
                .isInstanceOfSatisfying(SmtpSyntaxException.class, e -> assertThat(e.reply()).isEqualTo(Reply.BAD_SENDER_SYNTAX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TO:<a@b.example>", "FROM <a@b.example>", "", "FROM"})
    void refusesAMissingKeyword(String arguments) {
        assertThatThrownBy(() -> PathParser.parse(arguments, "FROM", Reply.BAD_SENDER_SYNTAX))
                .isInstanceOfSatisfying(SmtpSyntaxException.class, e -> assertThat(e.reply()).isEqualTo(Reply.SYNTAX_ERROR));
    }
}
