import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Replays Thunderbird 153's first sync of a folder (shared/clients/thunderbird-153-imap.txt) over plain IMAP and
 * prints how long each command and the whole sync took: LOGIN, {@code select "INBOX"},
 * {@code UID fetch 1:* (FLAGS)}, then the header fetch of every message. Counts the FETCH responses and the
 * octets received so a short answer cannot pass for a fast one.
 * <p>
 * {@code java bench/src/ImapFirstSync.java PORT USER PASSWORD [MAILBOX] [EXPECTED_MESSAGES]} (127.0.0.1 only)
 */
public final class ImapFirstSync {

    /** Thunderbird 153's header fetch, as recorded (the "Received" at the end is what it asks since 115). */
    static final String HEADER_FETCH = "(UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc Subject Date "
            + "Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To Received)])";

    private final InputStream in;
    private final OutputStream out;
    private long octets;
    private int fetches;
    private int tag;

    ImapFirstSync(Socket socket) throws IOException {
        this.in = new BufferedInputStream(socket.getInputStream(), 65536);
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String user = args[1];
        String password = args[2];
        String mailbox = args.length > 3 ? args[3] : "INBOX";
        int expected = args.length > 4 ? Integer.parseInt(args[4]) : -1;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(300_000);
            ImapFirstSync c = new ImapFirstSync(socket);
            c.line();                                                        // greeting
            c.command("LOGIN \"" + user + "\" \"" + password + "\"");
            long start = System.nanoTime();
            c.timed("select \"" + mailbox + "\"");
            c.fetches = 0;
            c.timed("UID fetch 1:* (FLAGS)");
            int flags = c.fetches;
            c.fetches = 0;
            long headersStart = System.nanoTime();
            c.timed("UID fetch 1:* " + HEADER_FETCH);
            long end = System.nanoTime();
            int headers = c.fetches;
            System.out.printf("FIRST SYNC %.3f s (select + flags + headers), %d FLAGS and %d header responses, %.1f MB received; headers alone %.3f s%n",
                    (end - start) / 1e9, flags, headers, c.octets / 1e6, (end - headersStart) / 1e9);
            c.command("LOGOUT");
            if (expected >= 0 && (flags != expected || headers != expected)) {
                System.out.println("MISMATCH: expected " + expected + " messages");
                System.exit(1);
            }
        }
    }

    private void timed(String command) throws IOException {
        long t = System.nanoTime();
        String done = command(command);
        System.out.printf("%-40.40s %8.3f s  %s%n", command, (System.nanoTime() - t) / 1e9, done);
    }

    /** Sends one tagged command, reads to its tagged completion, which must be OK. */
    private String command(String command) throws IOException {
        String t = "b" + (++tag);
        out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            String response = line();
            if (response.startsWith(t + " ")) {
                if (!response.startsWith(t + " OK")) {
                    throw new IOException(command + ": " + response);
                }
                return response.substring(t.length() + 1);
            }
            if (response.startsWith("* ") && response.contains(" FETCH (")) {
                fetches++;
            }
        }
    }

    /** One response line with its literals (RFC 9051 §4.3: "{n}" CRLF then n octets) folded in as "<n octets>". */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        ByteArrayOutputStream raw = new ByteArrayOutputStream(256);
        while (true) {
            raw.reset();
            int b;
            while ((b = in.read()) != '\n') {
                if (b == -1) {
                    throw new IOException("connection closed");
                }
                raw.write(b);
            }
            octets += raw.size() + 1;
            String s = raw.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r")) {
                s = s.substring(0, s.length() - 1);
            }
            int open = s.lastIndexOf('{');
            if (s.endsWith("}") && open >= 0) {
                int n = Integer.parseInt(s.substring(open + 1, s.length() - 1).replace("+", ""));
                in.skipNBytes(n);
                octets += n;
                sb.append(s, 0, open).append('<').append(n).append(" octets>");
                continue;
            }
            return sb.append(s).toString();
        }
    }
}
