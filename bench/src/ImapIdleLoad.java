import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Opens many IMAP connections that LOGIN, SELECT INBOX and IDLE (RFC 2177), one virtual thread each; prints
 * "READY n" and waits for a line on standard input; then sends one message over SMTP to every user and counts
 * the IDLE sessions that are told "* n EXISTS"; prints "DONE" and waits for a second line before closing.
 * Users are PREFIX0..PREFIX(users-1)@DOMAIN, connections spread over them round robin.
 * <p>
 * {@code java bench/src/ImapIdleLoad.java IMAP_PORT SMTP_PORT CONNECTIONS USERS PREFIX DOMAIN PASSWORD [LOGINS_IN_FLIGHT]}
 * (127.0.0.1 only)
 */
public final class ImapIdleLoad {

    private static final int TIMEOUT_MILLIS = 600_000;

    private final CountDownLatch settled;
    private final LongAdder idling = new LongAdder();
    private final LongAdder notified = new LongAdder();
    private final AtomicLong lastNotified = new AtomicLong();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Semaphore logins;

    ImapIdleLoad(int connections, int loginsInFlight) {
        this.settled = new CountDownLatch(connections);
        this.logins = new Semaphore(loginsInFlight);
    }

    public static void main(String[] args) throws Exception {
        int imapPort = Integer.parseInt(args[0]);
        int smtpPort = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int users = Integer.parseInt(args[3]);
        String prefix = args[4];
        String domain = args[5];
        String password = args[6];
        int inFlight = args.length > 7 ? Integer.parseInt(args[7]) : 16;
        ImapIdleLoad load = new ImapIdleLoad(connections, inFlight);
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            String user = prefix + (i % users) + "@" + domain;
            Thread.ofVirtual().start(() -> load.session(imapPort, user, password));
        }
        load.settled.await();
        System.out.printf("READY %d idling of %d connections after %.1f s%n", load.idling.sum(), connections,
                (System.nanoTime() - start) / 1e9);
        new TreeMap<>(load.failures).forEach((k, v) -> System.out.println("failed: " + v.sum() + " x " + k));
        System.out.flush();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in));
        stdin.readLine();
        long sent = deliver(smtpPort, prefix, domain, users);
        long want = load.idling.sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (load.notified.sum() < want && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("EXISTS seen by %d of %d idling sessions; last one %.2f s after the 250%n", load.notified.sum(),
                want, Math.max(0, load.lastNotified.get() - sent) / 1e9);
        System.out.println("DONE");
        System.out.flush();
        stdin.readLine();
        for (Socket s : load.sockets) {
            s.close();
        }
    }

    private void session(int port, String user, String password) {
        boolean counted = false;
        try {
            Socket socket = new Socket();
            sockets.add(socket);
            InputStream in;
            OutputStream out;
            logins.acquire();               // connect only when the login can follow: the server times out idle logins
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 60_000);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                in = new BufferedInputStream(socket.getInputStream(), 1024);
                out = socket.getOutputStream();
                expectStart(line(in), "* OK");
                command(in, out, "a1 LOGIN \"" + user + "\" \"" + password + "\"", "a1");
            } finally {
                logins.release();
            }
            command(in, out, "a2 SELECT INBOX", "a2");
            out.write("a3 IDLE\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String l;
            while (!(l = line(in)).startsWith("+")) {
                if (l.startsWith("a3 ")) {
                    throw new IOException("IDLE: " + l);
                }
            }
            idling.increment();
            settled.countDown();
            counted = true;
            while (true) {                                                 // RFC 2177: untagged updates while idling
                l = line(in);
                if (l.startsWith("* ") && l.endsWith(" EXISTS")) {
                    notified.increment();
                    lastNotified.accumulateAndGet(System.nanoTime(), Math::max);
                    return;
                }
            }
        } catch (Exception e) {
            if (!counted) {
                String key = e.getClass().getSimpleName() + ": " + e.getMessage();
                failures.computeIfAbsent(key.length() > 80 ? key.substring(0, 80) : key, k -> new LongAdder()).increment();
            }
        } finally {
            if (!counted) {
                settled.countDown();
            }
        }
    }

    private static void command(InputStream in, OutputStream out, String command, String tag) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            String l = line(in);
            if (l.startsWith(tag + " ")) {
                expectStart(l, tag + " OK");
                return;
            }
        }
    }

    private static void expectStart(String line, String start) throws IOException {
        if (!line.startsWith(start)) {
            throw new IOException(line);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                throw new IOException("connection closed");
            }
            if (b.size() < 8192) {
                b.write(c);
            }
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** One message to every user over the MX port; returns System.nanoTime() of its 250. */
    private static long deliver(int port, String prefix, String domain, int users) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            smtp(in, out, null, "220");
            smtp(in, out, "EHLO idle.bench.invalid", "250");
            smtp(in, out, "MAIL FROM:<idle@sender.bench.invalid>", "250");
            for (int u = 0; u < users; u++) {
                smtp(in, out, "RCPT TO:<" + prefix + u + "@" + domain + ">", "250");
            }
            smtp(in, out, "DATA", "354");
            smtp(in, out, "From: <idle@sender.bench.invalid>\r\nTo: <idlers@" + domain + ">\r\nSubject: wake up\r\n"
                    + "Message-ID: <wake." + System.currentTimeMillis() + "@sender.bench.invalid>\r\n\r\nNew mail.\r\n.", "250");
            long at = System.nanoTime();
            smtp(in, out, "QUIT", "221");
            return at;
        }
    }

    private static void smtp(InputStream in, OutputStream out, String command, String code) throws IOException {
        if (command != null) {
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        String l;
        do {
            l = line(in);
        } while (l.length() > 3 && l.charAt(3) == '-');
        if (!l.startsWith(code)) {
            throw new IOException((command == null ? "greeting" : command) + ": " + l);
        }
    }
}
