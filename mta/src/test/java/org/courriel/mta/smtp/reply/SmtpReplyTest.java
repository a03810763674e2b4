package org.courriel.mta.smtp.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    private static String wire(SmtpReply reply) {
        return new String(reply.encode(), StandardCharsets.UTF_8);
    }

    @Test
    void singleLineCarriesTheEnhancedCode() {
        assertThat(wire(Reply.NO_SUCH_USER.reply())).isEqualTo("550 5.1.1 No such user here\r\n");
        assertThat(wire(Reply.OK.with("fine"))).isEqualTo("250 2.0.0 fine\r\n");
    }

    @Test
    void multiLineUsesHyphensButTheLast() {
        assertThat(wire(SmtpReply.of(Reply.HELLO, List.of("mx Hello c", "PIPELINING", "DSN"))))
                .isEqualTo("250-mx Hello c\r\n250-PIPELINING\r\n250 DSN\r\n");
    }

    @Test
    void intermediateRepliesHaveNoEnhancedCode() {
        assertThat(wire(Reply.START_MAIL_INPUT.reply())).startsWith("354 End data");
        assertThat(wire(Reply.AUTH_CHALLENGE.with(""))).isEqualTo("334 \r\n");
    }

    @Test
    void textCannotForgeAnotherReply() {
        assertThat(wire(Reply.SYNTAX_ERROR.with("x\r\n250 OK"))).isEqualTo("501 5.5.4 x  250 OK\r\n");
    }

    @Test
    void everyFailureCarriesAMatchingEnhancedClass() {
        assertThat(Arrays.stream(Reply.values()).filter(r -> r.code() >= 400))
                .allSatisfy(r -> assertThat(r.enhanced()).startsWith(r.code() / 100 + "."));
        assertThat(Arrays.stream(Reply.values()).filter(r -> r.code() / 100 == 2 && r != Reply.HELLO && r != Reply.SERVICE_READY))
                .allSatisfy(r -> assertThat(r.enhanced()).startsWith("2."));
    }
}
