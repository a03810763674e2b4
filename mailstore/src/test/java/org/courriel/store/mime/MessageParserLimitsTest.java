package org.courriel.store.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Header fields copied into a summary are bounded; the message itself is not touched. */
class MessageParserLimitsTest {

    private static final int CAP = 1024;

    private static MessageSummary parse(String header) {
        return MessageParser.parse((header + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8), CAP);
    }

    @Test
    void aHugeSubjectIsCutToTheBoundInTheEnvelopeAndTheSortField() {
        MessageSummary summary = parse("From: a@example.com\r\nSubject: " + "s".repeat(3_000_000));
        assertThat(summary.envelope().subject()).isEqualTo("s".repeat(CAP - 1));
        assertThat(summary.subject()).hasSize(CAP - 1);
        assertThat(summary.fromAddress()).isEqualTo("a@example.com");
    }

    @Test
    void fieldsWithinTheBoundAreWhole() {
        String subject = "x".repeat(CAP - 1);
        assertThat(parse("Subject: " + subject).envelope().subject()).isEqualTo(subject);
        assertThat(parse("Subject: =?utf-8?q?caf=C3=A9?=").subject()).isEqualTo("caf\u00e9");
    }

    @Test
    void theCutNeverSplitsAUtf8Character() {
        // the value starts with a space: 1 byte, then 2-byte characters; the 1024th byte would be half of one
        String subject = parse("Subject: " + "\u00e9".repeat(2_000)).envelope().subject();
        assertThat(subject).isEqualTo("\u00e9".repeat((CAP - 1) / 2)).doesNotContain("\ufffd");
    }

    @Test
    void aHugeAddressListKeepsTheAddressesThatFit() {
        StringBuilder to = new StringBuilder("To: first@example.com");
        for (int i = 0; i < 100_000; i++) {
            to.append(",\r\n r").append(i).append("@example.com");
        }
        MessageSummary summary = parse(to.toString());
        assertThat(summary.toAddress()).isEqualTo("first@example.com");
        assertThat(summary.envelope().to()).hasSizeBetween(10, CAP / 10);
    }

    @Test
    void mimeFieldsOfTheStructureAreBoundedToo() {
        MessageSummary summary = parse("Content-Type: text/plain; name=\"" + "n".repeat(100_000) + "\"\r\n"
                + "Content-Description: " + "d".repeat(100_000) + "\r\nContent-ID: <" + "i".repeat(100_000) + ">");
        BodyStructure body = summary.body();
        assertThat(body.description()).hasSizeLessThanOrEqualTo(CAP);
        assertThat(body.id()).hasSizeLessThanOrEqualTo(CAP);
        assertThat(body.parameters()).allSatisfy(p -> assertThat(p.value()).hasSizeLessThanOrEqualTo(CAP));
    }
}
