package org.courriel.deploy.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.deploy.testing.LineConnection;

/**
 * The tests' own look at an account over IMAP, beside the client under test: puts messages in with their internal
 * date, and reads back where a message (by Message-ID) is and with which flags. Each call is one session that
 * only EXAMINEs, so it changes nothing the client sees.
 */
final class ImapProbe {

    private static final Pattern APPEND_UID = Pattern.compile("\\[APPENDUID \\d+ (\\d+)]");
    private static final Pattern FLAGS = Pattern.compile("FLAGS \\(([^)]*)\\)");

    private final int port;
    private final String user;
    private final String password;

    ImapProbe(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
    }

    String user() {
        return user;
    }

    /** APPEND with an internal date such as {@code 01-Dec-2026 10:00:00 +0000}; the message's UID. */
    long append(String mailbox, String internalDate, String message) throws IOException {
        try (LineConnection imap = login()) {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            imap.send("a APPEND " + mailbox + " \"" + internalDate + "\" {" + bytes.length + "+}");
            imap.sendBytes(bytes);
            imap.send("");
            String done = completion(imap, "a ");
            assertThat(done).startsWith("a OK");
            Matcher uid = APPEND_UID.matcher(done);
            assertThat(uid.find()).as(done).isTrue();
            return Long.parseLong(uid.group(1));
        }
    }

    /** The flags of the message with this Message-ID in the mailbox, or empty when it is not there. */
    Optional<String> flags(String mailbox, String messageId) throws IOException {
        try (LineConnection imap = login()) {
            assertThat(imap.tagged("e", "EXAMINE " + mailbox)).startsWith("e OK");
            imap.send("s UID SEARCH HEADER Message-ID \"" + messageId + "\"");
            String uids = "";
            String line;
            while (!(line = imap.line()).startsWith("s ")) {
                if (line.startsWith("* SEARCH")) {
                    uids = line.substring("* SEARCH".length()).trim();
                }
            }
            assertThat(line).startsWith("s OK");
            if (uids.isEmpty()) {
                return Optional.empty();
            }
            assertThat(uids).as("one message with Message-ID %s in %s", messageId, mailbox).doesNotContain(" ");
            imap.send("f UID FETCH " + uids + " (FLAGS)");
            String flags = null;
            while (!(line = imap.line()).startsWith("f ")) {
                Matcher m = FLAGS.matcher(line);
                if (m.find()) {
                    flags = m.group(1);
                }
            }
            assertThat(line).startsWith("f OK");
            return Optional.ofNullable(flags);
        }
    }

    private LineConnection login() throws IOException {
        LineConnection imap = new LineConnection(port);
        imap.expect("* OK");
        assertThat(imap.tagged("l", "LOGIN \"" + user + "\" \"" + password + "\"")).startsWith("l OK");
        return imap;
    }

    private static String completion(LineConnection imap, String tag) throws IOException {
        String line;
        while (!(line = imap.line()).startsWith(tag)) {
            // untagged responses before the completion
        }
        return line;
    }
}
