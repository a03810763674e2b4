package org.courriel.deploy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain loopback connection in CRLF lines and IMAP literals, the deploy tests' one client transport: SMTP
 * replies (multi-line ones read to their last line), IMAP tagged commands, and small SMTP and IMAP exchanges
 * the tests repeat.
 */
public final class LineConnection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?i)^Message-ID: (<[^>]+>)$");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public LineConnection(int port) throws IOException {
        this(connect(port));
    }

    /** Over an open socket (a server's side of a connection). */
    public LineConnection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), (int) CONNECT_TIMEOUT.toMillis());
        return s;
    }

    public void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    public void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next line without its CRLF. */
    public String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** The next {@code n} bytes (an IMAP literal). */
    public byte[] bytes(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("connection closed in a literal");
        }
        return b;
    }

    public void expect(String prefix) throws IOException {
        assertThat(line()).startsWith(prefix);
    }

    /** The last line of an SMTP reply (continuation lines have a '-' after the code). */
    public String reply() throws IOException {
        String line;
        do {
            line = line();
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    /** Sends an SMTP command and returns the last line of its reply. */
    public String reply(String command) throws IOException {
        send(command);
        return reply();
    }

    /** Sends an IMAP command and returns its tagged completion. */
    public String tagged(String tag, String command) throws IOException {
        send(tag + " " + command);
        return completion(tag);
    }

    /** Reads past untagged responses to the tagged completion of {@code tag} (a command sent in parts). */
    public String completion(String tag) throws IOException {
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
    public String smtpTransaction(String from, String to, String messageId) throws IOException {
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
    public Map<String, Integer> messageIds() throws IOException {
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
