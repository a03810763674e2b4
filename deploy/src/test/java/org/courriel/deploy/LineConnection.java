package org.courriel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A CRLF line connection: SMTP replies (multi-line ones read to their last line) and IMAP tagged commands. */
final class LineConnection implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?i)^Message-ID: (<[^>]+>)$");

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    LineConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    String line() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new UncheckedIOException(new IOException("connection closed by the server"));
        }
        return line;
    }

    void expect(String prefix) throws IOException {
        String line = line();
        assertThat(line).startsWith(prefix);
    }

    /** Sends an SMTP command and returns the last line of its reply. */
    String reply(String command) throws IOException {
        send(command);
        String line;
        do {
            line = line();
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    /** Sends an IMAP command and returns its tagged completion. */
    String tagged(String tag, String command) throws IOException {
        send(tag + " " + command);
        String line;
        do {
            line = line();
        } while (!line.startsWith(tag + " "));
        return line;
    }

    /**
     * One SMTP MAIL/RCPT/DATA transaction of a small message; returns the reply that ended it (the one after the
     * data, or the refusal before, after which the transaction is reset).
     */
    String smtpTransaction(String from, String to, String messageId) throws IOException {
        String mail = reply("MAIL FROM:<" + from + ">");
        if (!mail.startsWith("250 ")) {
            reply("RSET");
            return mail;
        }
        String rcpt = reply("RCPT TO:<" + to + ">");
        if (!rcpt.startsWith("250 ")) {
            reply("RSET");
            return rcpt;
        }
        String data = reply("DATA");
        if (!data.startsWith("354")) {
            return data;
        }
        return reply("Message-ID: " + messageId + "\r\nSubject: test\r\n\r\nbody of " + messageId + "\r\n.");
    }

    /** IMAP, in the selected state: every Message-ID of the mailbox with the number of messages carrying it. */
    Map<String, Integer> messageIds() throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        send("f FETCH 1:* (BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])");
        String line;
        while (!(line = line()).startsWith("f ")) {
            Matcher m = MESSAGE_ID.matcher(line);
            if (m.matches()) {
                ids.merge(m.group(1), 1, Integer::sum);
            }
        }
        assertThat(line).startsWith("f OK");
        return ids;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
