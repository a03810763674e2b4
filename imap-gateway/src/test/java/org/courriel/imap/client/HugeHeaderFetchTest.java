package org.courriel.imap.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.imap.testing.ImapClient;
import org.courriel.imap.testing.ImapTestSupport;
import org.courriel.store.mime.MessageParser;
import org.junit.jupiter.api.Test;

/**
 * A message with a multi-megabyte Subject: ENVELOPE carries it cut to courriel.store.max-summary-field
 * (16 KB by default), once however often it is asked for, and BODY[] still gives the original bytes.
 */
class HugeHeaderFetchTest extends ImapTestSupport {

    private static final int SUBJECT = 3 * 1024 * 1024;

    private static byte[] hugeSubjectMessage() {
        return ("From: Mallory <mallory@example.net>\r\nTo: Bob <bob@example.org>\r\nSubject: " + "S".repeat(SUBJECT)
                + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n\r\nHello.\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void repeatedEnvelopesOfAHugeSubjectAnswerOnceAndCutWhileBodyIsWhole() throws Exception {
        byte[] message = hugeSubjectMessage();
        try (ImapClient client = new ImapClient(port())) {
            client.readLine();
            assertThat(client.command("a0", "LOGIN " + user + " \"" + PASSWORD + "\"")).last().asString()
                    .startsWith("a0 OK");
            client.send("a1 APPEND INBOX {" + message.length + "+}");
            client.sendRaw(message);
            client.send("");
            List<String> appended = client.readUntilTagged("a1");
            Matcher uid = Pattern.compile("APPENDUID \\d+ (\\d+)").matcher(appended.getLast());
            assertThat(uid.find()).as(appended.getLast()).isTrue();
            assertThat(client.command("a2", "SELECT INBOX")).last().asString().startsWith("a2 OK");

            List<String> fetched = client.command("a3", "UID FETCH " + uid.group(1) + " ("
                    + "ENVELOPE ".repeat(12).strip() + ")");
            String response = String.join("\r\n", fetched);
            assertThat(Pattern.compile("ENVELOPE").matcher(response).results().count()).isEqualTo(1);
            int cap = MessageParser.DEFAULT_MAX_FIELD;
            // the subject goes out as a literal of the cut length: the raw value " SSS..." less its leading space
            assertThat(fetched.getFirst()).endsWith("{" + (cap - 1) + "}");
            assertThat(fetched.get(1)).startsWith("S".repeat(cap - 1) + " ((\"Mallory\" NIL \"mallory\" \"example.net\"))");
            assertThat(fetched.getLast()).isEqualTo("a3 OK UID FETCH completed");

            client.send("a4 UID FETCH " + uid.group(1) + " (BODY.PEEK[] BODY.PEEK[])");
            String head = client.readLine();
            assertThat(head).endsWith("BODY[] {" + message.length + "}");
            assertThat(client.readBytes(message.length)).isEqualTo(message);
            assertThat(client.readUntilTagged("a4")).containsExactly(")", "a4 OK UID FETCH completed");
        }
    }
}
