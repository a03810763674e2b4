package org.courriel.mta.dsn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

class DsnMessageTest {

    private static final byte[] ORIGINAL = ("From: alice@local.example\r\nTo: bob@remote.example\r\n"
            + "Subject: lunch\r\nMessage-ID: <1@local.example>\r\n\r\nSee you at noon.\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private static final DsnRecipient BOB = new DsnRecipient("bob@remote.example", "rfc822;bob@remote.example",
            DsnAction.FAILED, "5.1.1", "mx.remote.example", "550 5.1.1 no such user",
            Instant.parse("2026-01-02T03:04:05Z"), null);

    private static Message parse(byte[] bytes) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        return builder.parseMessage(new ByteArrayInputStream(bytes));
    }

    private static String text(Entity part) throws IOException {
        return new String(((SingleBody) part.getBody()).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void failureReportIsAMultipartReportWithThreeParts() throws IOException {
        byte[] dsn = DsnMessage.build("mx.local.example", "alice@local.example", "ENV1", Instant.parse("2026-01-01T00:00:00Z"),
                List.of(BOB), ORIGINAL, false);
        Message message = parse(dsn);
        assertThat(message.getMimeType()).isEqualTo("multipart/report");
        assertThat(message.getHeader().getField("Content-Type").getBody()).contains("report-type=delivery-status");
        assertThat(message.getSubject()).isEqualTo("Undelivered Mail Returned to Sender");
        assertThat(message.getHeader().getField("Auto-Submitted").getBody()).isEqualTo("auto-replied");
        assertThat(message.getFrom().get(0).getAddress()).isEqualTo("MAILER-DAEMON@mx.local.example");

        Multipart parts = (Multipart) message.getBody();
        assertThat(parts.getBodyParts()).extracting(Entity::getMimeType)
                .containsExactly("text/plain", "message/delivery-status", "text/rfc822-headers");
        assertThat(text(parts.getBodyParts().get(0))).contains("<bob@remote.example>: 550 5.1.1 no such user");

        String status = text(parts.getBodyParts().get(1));
        assertThat(status).contains("Original-Envelope-Id: ENV1\r\n", "Reporting-MTA: dns; mx.local.example\r\n",
                "Original-Recipient: rfc822;bob@remote.example\r\n", "Final-Recipient: rfc822; bob@remote.example\r\n",
                "Action: failed\r\n", "Status: 5.1.1\r\n", "Remote-MTA: dns; mx.remote.example\r\n",
                "Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n",
                "Last-Attempt-Date: Fri, 2 Jan 2026 03:04:05 GMT\r\n");

        String headers = text(parts.getBodyParts().get(2));
        assertThat(headers).contains("Subject: lunch").doesNotContain("See you at noon");
    }

    @Test
    void retFullReturnsTheWholeMessage() throws IOException {
        byte[] dsn = DsnMessage.build("mx.local.example", "alice@local.example", null, Instant.now(), List.of(BOB),
                ORIGINAL, true);
        Multipart parts = (Multipart) parse(dsn).getBody();
        Entity returned = parts.getBodyParts().get(2);
        assertThat(returned.getMimeType()).isEqualTo("message/rfc822");
        Message inner = (Message) returned.getBody();
        assertThat(inner.getSubject()).isEqualTo("lunch");
        assertThat(new String(((SingleBody) inner.getBody()).getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                .contains("See you at noon.");
        assertThat(new String(dsn, StandardCharsets.US_ASCII)).doesNotContain("Original-Envelope-Id");
    }

    @Test
    void delayNoticeSaysUntilWhenItRetries() throws IOException {
        DsnRecipient delayed = new DsnRecipient("bob@remote.example", null, DsnAction.DELAYED, "4.4.1", null,
                "421 4.4.1 connection refused", null, Instant.parse("2026-01-06T00:00:00Z"));
        Message message = parse(DsnMessage.build("mx.local.example", "alice@local.example", null, Instant.now(),
                List.of(delayed), ORIGINAL, false));
        assertThat(message.getSubject()).startsWith("Delayed Mail");
        String status = text(((Multipart) message.getBody()).getBodyParts().get(1));
        assertThat(status).contains("Action: delayed\r\n", "Will-Retry-Until: Tue, 6 Jan 2026 00:00:00 GMT\r\n")
                .doesNotContain("Original-Recipient");
    }

    @Test
    void fieldValuesStayOnOnePrintableLine() {
        assertThat(DeliveryStatusFields.clean("550 bad\r\nInjected: field\u00e9")).isEqualTo("550 bad??Injected: field?");
        assertThat(DeliveryStatusFields.clean("x".repeat(2000))).hasSize(DeliveryStatusFields.MAX_VALUE);
    }

}
