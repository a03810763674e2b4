package org.courriel.mta.smtp.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.courriel.mta.delivery.MailEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailParametersTest {

    @Test
    void readsEveryParameterItKnows() throws SmtpSyntaxException {
        MailRequest mail = MailParameters.parse("FROM:<jöran@crepes.fr> size=1200 BODY=8bitmime SMTPUTF8 RET=hdrs "
                + "ENVID=QQ+2B1 AUTH=<>");
        assertThat(mail.path().mailbox()).isEqualTo("jöran@crepes.fr");
        assertThat(mail).extracting(MailRequest::size, MailRequest::smtpUtf8, MailRequest::eightBit, MailRequest::ret,
                MailRequest::envId).containsExactly(1200L, true, true, MailEnvelope.Ret.HDRS, "QQ+2B1");
    }

    @Test
    void aBareSenderHasNoParameters() throws SmtpSyntaxException {
        assertThat(MailParameters.parse("FROM:<>")).isEqualTo(new MailRequest(MailParameters.parse("FROM:<>").path(),
                0, false, false, null, null, false));
        assertThat(MailParameters.parse("from: <a@b.example>").path().mailbox()).isEqualTo("a@b.example");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            TO:<a@b.example>                  | SYNTAX_ERROR          | 501 5.5.4 Syntax error in parameters or arguments: expected FROM:
            FROM:<a@b.example                 | BAD_SENDER_SYNTAX     | 501 5.1.7 Bad sender address syntax: unbalanced angle brackets
            FROM:<a@b.example> SIZE=ten       | SYNTAX_ERROR          | 501 5.5.4 Syntax error in parameters or arguments: SIZE needs a number
            FROM:<a@b.example> BODY=BINARYMIME| PARAMETER_UNSUPPORTED | 504 5.5.4 Parameter value not supported: BINARYMIME is not supported
            FROM:<a@b.example> BODY=9BIT      | SYNTAX_ERROR          | 501 5.5.4 Syntax error in parameters or arguments: unknown BODY 9BIT
            FROM:<a@b.example> SMTPUTF8=yes   | SYNTAX_ERROR          | 501 5.5.4 Syntax error in parameters or arguments: SMTPUTF8 takes no value
            FROM:<a@b.example> RET=ALL        | SYNTAX_ERROR          | 501 5.5.4 Syntax error in parameters or arguments: RET is FULL or HDRS
            FROM:<a@b.example> ENVID=a=b      | SYNTAX_ERROR          | 501 5.5.4 Syntax error in parameters or arguments: ENVID must be xtext of at most 100 characters
            FROM:<a@b.example> SIZE=1 SIZE=2  | SYNTAX_ERROR          | 501 5.5.4 Syntax error in parameters or arguments: parameter given twice: SIZE
            FROM:<a@b.example> XYZZY=1        | PARAMETER_UNRECOGNIZED| 555 5.5.4 MAIL FROM/RCPT TO parameter not recognized or not implemented: XYZZY
            FROM:<a@b.example> REQUIRETLS     | REQUIRETLS_NEEDS_TLS  | 530 5.7.10 REQUIRETLS is only accepted over TLS
            """)
    void refusesWithTheReplyOfItsKind(String arguments, String kind, String reply) {
        assertThatThrownBy(() -> MailParameters.parse(arguments))
                .isInstanceOfSatisfying(SmtpSyntaxException.class, e -> {
                    assertThat(e.reply().name()).isEqualTo(kind);
                    assertThat(new String(e.toReply().encode(), java.nio.charset.StandardCharsets.UTF_8))
                            .isEqualTo(reply + "\r\n");
                    assertThat(e.closesSession()).isFalse();
                });
    }

    @Test
    void envidIsAtMostAHundredCharacters() throws SmtpSyntaxException {
        String longest = "x".repeat(MailParameters.MAX_ENVID);
        assertThat(MailParameters.parse("FROM:<> ENVID=" + longest).envId()).isEqualTo(longest);
        assertThatThrownBy(() -> MailParameters.parse("FROM:<> ENVID=" + longest + "x"))
                .isInstanceOf(SmtpSyntaxException.class);
    }

    /** RFC 8689 §4.1: REQUIRETLS over TLS only, without a value. */
    @ParameterizedTest(name = "{0} over TLS: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM:<a@b.example>                        | true  | false
            FROM:<a@b.example> REQUIRETLS             | true  | true
            FROM:<a@b.example> requiretls SMTPUTF8    | true  | true
            FROM:<a@b.example>                        | false | false
            """)
    void requireTlsIsTakenOnATlsSession(String arguments, boolean overTls, boolean requireTls)
            throws SmtpSyntaxException {
        assertThat(MailParameters.parse(arguments, overTls).requireTls()).isEqualTo(requireTls);
    }

    @Test
    void requireTlsTakesNoValue() {
        assertThatThrownBy(() -> MailParameters.parse("FROM:<a@b.example> REQUIRETLS=yes", true))
                .isInstanceOfSatisfying(SmtpSyntaxException.class,
                        e -> assertThat(e.reply().name()).isEqualTo("SYNTAX_ERROR"));
    }
}
