package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.junit.jupiter.api.Test;

/**
 * RFC 9051 §4.3, §9: a plain literal is CHAR8, never NUL. A binary part holding a NUL is answered by BODY[n]
 * with every byte kept but the NUL (as Dovecot does, 0x80 in its place), and by BINARY[n] as a literal8
 * (RFC 3516 §4.2) with the NUL.
 */
class NulInLiteralTest extends ImapTestSupport {

    private static final byte[] MESSAGE = ("From: alice@example.com\r\n"
            + "Subject: binary\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: application/octet-stream\r\n"
            + "Content-Transfer-Encoding: binary\r\n"
            + "\r\n"
            + "ab\0cd\r\n").getBytes(StandardCharsets.US_ASCII);

    @Test
    void aNulInABinaryPartNeverReachesAPlainLiteral() throws Exception {
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            assertThat(client.command("a1", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString().startsWith("a1 OK");
            client.send("a2 APPEND INBOX ~{" + MESSAGE.length + "+}");
            client.sendRaw(MESSAGE);
            client.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(client.readUntilTagged("a2")).last().asString().startsWith("a2 OK");
            assertThat(client.command("a3", "SELECT INBOX")).last().asString().startsWith("a3 OK");

            client.send("a4 FETCH 1 (BODY.PEEK[1])");
            assertThat(client.readLine()).isEqualTo("* 1 FETCH (BODY[1] {7}");
            assertThat(client.readBytes(7)).isEqualTo(new byte[] {'a', 'b', (byte) 0x80, 'c', 'd', '\r', '\n'});
            assertThat(client.readUntilTagged("a4")).containsExactly(")", "a4 OK FETCH completed");

            client.send("a5 FETCH 1 (BODY.PEEK[])");
            String head = client.readLine();
            assertThat(head).matches("\\* 1 FETCH \\(BODY\\[\\] \\{" + MESSAGE.length + "\\}");
            byte[] whole = client.readBytes(MESSAGE.length);
            assertThat(whole).doesNotContain((byte) 0);
            assertThat(new String(whole, StandardCharsets.ISO_8859_1)).endsWith("ab\u0080cd\r\n");
            client.readUntilTagged("a5");

            client.send("a6 FETCH 1 (BINARY.PEEK[1])");
            assertThat(client.readLine()).isEqualTo("* 1 FETCH (BINARY[1] ~{7}");
            assertThat(client.readBytes(7)).isEqualTo("ab\0cd\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(client.readUntilTagged("a6")).containsExactly(")", "a6 OK FETCH completed");
        }
    }
}
