package org.courriel.imap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.courriel.store.mime.MessageParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The relative IMAP URLs of RFC 5092 that CATENATE takes (RFC 4469 §3), and those it refuses. */
class ImapUrlTest {

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of("/Drafts;UIDVALIDITY=385759045/;UID=20/;section=HEADER",
                        new ImapUrl("Drafts", 385759045, 20, "HEADER", -1, -1)),
                Arguments.of("/INBOX/;UID=20/;SECTION=1.2", new ImapUrl("INBOX", 0, 20, "1.2", -1, -1)),
                Arguments.of("/Drafts;UIDVALIDITY=385759045/;UID=30", new ImapUrl("Drafts", 385759045, 30, null, -1, -1)),
                Arguments.of(";UID=7", new ImapUrl(null, 0, 7, null, -1, -1)),
                Arguments.of(";uid=7/;section=2.MIME/;partial=10.20", new ImapUrl(null, 0, 7, "2.MIME", 10, 20)),
                Arguments.of("/INBOX/;UID=1/;PARTIAL=0", new ImapUrl("INBOX", 0, 1, null, 0, -1)),
                // RFC 5092 §6: the name is percent-encoded UTF-8, not modified UTF-7
                Arguments.of("/R%C3%A9unions%2F2026/;UID=3", new ImapUrl("R\u00e9unions/2026", 0, 3, null, -1, -1)),
                Arguments.of("/Work/Reports/;UID=3", new ImapUrl("Work/Reports", 0, 3, null, -1, -1)),
                Arguments.of("/INBOX/;UID=1/;SECTION=HEADER.FIELDS%20(Subject)",
                        new ImapUrl("INBOX", 0, 1, "HEADER.FIELDS (Subject)", -1, -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void relativeUrlsOfThisAccount(String url, ImapUrl parsed) {
        assertThat(ImapUrl.parse(url)).isEqualTo(parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "imap://bob@example.org/INBOX/;UID=1", "IMAP://x/INBOX/;UID=1", "//host/INBOX/;UID=1",
        "/INBOX", "/INBOX/", "/;UID=1", "/INBOX/;UID=0", "/INBOX/;UID=x", "/INBOX/;UID=01", "/INBOX/;UID=4294967296",
        "/INBOX;UIDVALIDITY=0/;UID=1", "/INBOX;UIDVALIDITY=/;UID=1", "/INBOX/;UID=1;URLAUTH=anonymous",
        "/INBOX/;UID=1/;URLAUTH=anonymous:internal", "/INBOX/;UID=1/;SECTION=1/;SECTION=2",
        "/INBOX/;UID=1/;PARTIAL=1/;SECTION=1", "/INBOX/;UID=1/;PARTIAL=1.0", "/IN%ZZBOX/;UID=1", "/IN%C3/;UID=1",
        "/IN BOX/;UID=1", "/INBOX/;UID=1/", "UID=1", "/INBOX/;UID=1/;SECTION=%"})
    void otherUrlsAreBadUrls(String url) {
        assertThatThrownBy(() -> ImapUrl.parse(url)).as(url).isInstanceOf(ImapUrl.BadUrl.class);
    }

    @Test
    void partNumbersNameExistingPartsOnly() {
        var body = MessageParser.parse(("Subject: s\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n"
                + "Content-Type: text/plain\r\n\r\none\r\n--x\r\nContent-Type: message/rfc822\r\n\r\n"
                + "Subject: inner\r\nContent-Type: multipart/alternative; boundary=y\r\n\r\n--y\r\n\r\na\r\n--y\r\n\r\nb\r\n"
                + "--y--\r\n--x--\r\n").getBytes(), MessageParser.DEFAULT_MAX_FIELD).body();
        assertThat(Catenation.exists(body, new int[0])).isTrue();
        assertThat(Catenation.exists(body, new int[] {1})).isTrue();
        assertThat(Catenation.exists(body, new int[] {2, 2})).isTrue();
        assertThat(Catenation.exists(body, new int[] {3})).isFalse();
        assertThat(Catenation.exists(body, new int[] {1, 1})).isFalse();
        assertThat(Catenation.exists(body, new int[] {2, 3})).isFalse();
        var single = MessageParser.parse("Subject: s\r\n\r\nhi\r\n".getBytes(), MessageParser.DEFAULT_MAX_FIELD).body();
        assertThat(Catenation.exists(single, new int[] {1})).isTrue();
        assertThat(Catenation.exists(single, new int[] {2})).isFalse();
    }
}
