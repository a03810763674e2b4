package org.courriel.mta.smtp.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.courriel.mta.delivery.EnvelopeRecipient.Notify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RcptParametersTest {

    @Test
    void readsNotifyInTheEnumsOrderAndOrcptAsGiven() throws SmtpSyntaxException {
        RcptRequest rcpt = RcptParameters.parse("TO:<chef@hamburger.edu> notify=delay,Success ORCPT=rfc822;chef+40hamburger.edu");
        assertThat(rcpt.path().mailbox()).isEqualTo("chef@hamburger.edu");
        assertThat(rcpt.notifications()).containsExactly(Notify.SUCCESS, Notify.DELAY);
        assertThat(rcpt.orcpt()).isEqualTo("rfc822;chef+40hamburger.edu");
        assertThat(RcptParameters.parse("TO:<chef@hamburger.edu>").notifications()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            FROM:<a@b.example>                  | 501 5.5.4 Syntax error in parameters or arguments: expected TO:
            TO:<>x                              | 501 5.1.3 Bad recipient address syntax: text after the path
            TO:<a@b.example> NOTIFY=NEVER,DELAY | 501 5.5.4 Syntax error in parameters or arguments: NOTIFY=NEVER stands alone
            TO:<a@b.example> NOTIFY=SOMETIMES   | 501 5.5.4 Syntax error in parameters or arguments: NOTIFY value SOMETIMES
            TO:<a@b.example> ORCPT=a@b.example  | 501 5.5.4 Syntax error in parameters or arguments: ORCPT is addr-type;xtext
            TO:<a@b.example> SIZE=10            | 555 5.5.4 MAIL FROM/RCPT TO parameter not recognized or not implemented: SIZE
            """)
    void refusesWithTheReplyOfItsKind(String arguments, String reply) {
        assertThatThrownBy(() -> RcptParameters.parse(arguments))
                .isInstanceOfSatisfying(SmtpSyntaxException.class,
                        e -> assertThat(new String(e.toReply().encode(), StandardCharsets.UTF_8)).isEqualTo(reply + "\r\n"));
    }

    @Test
    void orcptIsAtMostFiveHundredCharacters() throws SmtpSyntaxException {
        String longest = "rfc822;" + "x".repeat(RcptParameters.MAX_ORCPT - "rfc822;".length());
        assertThat(RcptParameters.parse("TO:<a@b.example> ORCPT=" + longest).orcpt()).isEqualTo(longest);
        assertThatThrownBy(() -> RcptParameters.parse("TO:<a@b.example> ORCPT=" + longest + "x"))
                .isInstanceOf(SmtpSyntaxException.class);
    }
}
