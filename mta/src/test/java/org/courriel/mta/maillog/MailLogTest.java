package org.courriel.mta.maillog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The mail log's pure parts: the Message-ID read from the header, values cleaned, queue ids. */
class MailLogTest {

    private static String id(String message) {
        return MessageIdField.of(message.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheMessageIdOfTheHeaderSectionOnly() {
        assertThat(id("Subject: x\r\nMessage-ID: <a1@example.org>\r\n\r\nbody")).isEqualTo("a1@example.org");
        assertThat(id("message-id:\r\n <folded@example.org>\r\n\r\n")).isEqualTo("folded@example.org");
        assertThat(id("Subject: x\r\n\r\nMessage-ID: <in-body@example.org>\r\n")).isNull();
        assertThat(id("Subject: none\r\n\r\n")).isNull();
    }

    @Test
    void aClientCannotForgeALine() {
        assertThat(MailLog.clean("evil\r\nQ1: to=<x>, status=sent")).doesNotContain("\r").doesNotContain("\n");
        assertThat(MailLog.clean("x".repeat(1000))).hasSize(MailLog.MAX_VALUE + 3);
    }

    @Test
    void queueIdsAreTwelveCharactersOfTheAlphabet() {
        assertThat(MailLog.newQueueId()).matches("[0-9BCDFGHJKLMNPQRSTVWXZ]{12}");
        assertThat(MailLog.newQueueId()).isNotEqualTo(MailLog.newQueueId());
    }
}
