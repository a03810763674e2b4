package org.courriel.deploy.crash;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.courriel.deploy.testing.LineConnection;

/** Reads every message of INBOX back over IMAP, as stored: {@code UID FETCH 1:* BODY.PEEK[]} (RFC 9051 §6.4.5). */
final class MailboxReader {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");

    private MailboxReader() {
    }

    static List<byte[]> inbox(int port) throws IOException {
        try (LineConnection c = new LineConnection(port)) {
            c.line();
            c.send("l LOGIN " + CrashCampaignTest.USER + " \"" + CrashCampaignTest.PASSWORD + "\"");
            untilTagged(c, "l", null);
            c.send("s EXAMINE INBOX");
            untilTagged(c, "s", null);
            c.send("f UID FETCH 1:* BODY.PEEK[]");
            List<byte[]> messages = new ArrayList<>();
            untilTagged(c, "f", messages);
            return messages;
        }
    }

    /** Reads to the tagged OK, collecting the literals of untagged responses into {@code literals}. */
    private static void untilTagged(LineConnection c, String tag, List<byte[]> literals) throws IOException {
        while (true) {
            String line = c.line();
            Matcher m = LITERAL.matcher(line);
            if (m.find()) {
                byte[] literal = c.bytes(Integer.parseInt(m.group(1)));
                if (literals != null) {
                    literals.add(literal);
                }
                c.line(); // the rest of the response, ")"
            } else if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new IllegalStateException("refused: " + line);
                }
                return;
            }
        }
    }
}
