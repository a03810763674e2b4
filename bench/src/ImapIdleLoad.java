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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** Per delivery, when each session read its EXISTS (System.nanoTime()). */
    private final List<Queue<Long>> heard = new ArrayList<>();
    private final Semaphore logins;

    ImapIdleLoad(int connections, int loginsInFlight, int rounds) {
        this.settled = new CountDownLatch(connections);
        this.logins = new Semaphore(loginsInFlight);
        for (int i = 0; i < rounds; i++) {
            heard.add(new ConcurrentLinkedQueue<>());
        }
    }

    /** The value at fraction {@code q} of sorted {@code values} (nearest rank), 0 when there is none. */
    private static long at(long[] values, double q) {
        return values.length == 0 ? 0 : values[(int) Math.max(0, Math.ceil(values.length * q) - 1)];
    }

    /** User and system CPU seconds of a process so far (/proc), 0 without one. */
    private static double cpuSeconds(long pid, int hz) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) hz; // fields 14 and 15 of stat(5)
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
        long serverPid = args.length > 8 ? Long.parseLong(args[8]) : 0;
        int rounds = args.length > 9 ? Integer.parseInt(args[9]) : 1;
        int hz = args.length > 10 ? Integer.parseInt(args[10]) : 100;
        ImapIdleLoad load = new ImapIdleLoad(connections, inFlight, rounds);
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
        long want = load.idling.sum();
        for (int round = 0; round < load.heard.size(); round++) {
            Queue<Long> heard = load.heard.get(round);
            double cpu0 = cpuSeconds(serverPid, hz);
            long[] delivery = deliver(smtpPort, prefix, domain, users);
            long sent = delivery[0];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (heard.size() < want && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double cpu = cpuSeconds(serverPid, hz) - cpu0;
            long[] after = heard.stream().mapToLong(t -> t - sent).sorted().toArray();
            System.out.printf("EXISTS round %d: seen by %d of %d idling sessions; after the end of DATA p50 %.1f ms,"
                    + " p99 %.1f ms, max %.1f ms; its 250 after %.1f ms; server CPU %.2f s (%.0f us per session)%n",
                    round + 1, after.length, want, at(after, 0.5) / 1e6, at(after, 0.99) / 1e6, at(after, 1.0) / 1e6,
                    (delivery[1] - sent) / 1e6, cpu, cpu * 1e6 / Math.max(1, want));
            System.out.flush();
            Thread.sleep(1000);
        }
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
            int round = 0;
            while (true) {                                                 // RFC 2177: untagged updates while idling
                l = line(in);
                if (l.startsWith("* ") && l.endsWith(" EXISTS")) {
                    heard.get(round++).add(System.nanoTime());
                    if (round == heard.size()) {
                        return;
                    }
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

    /**
     * One message to every user over the MX port; returns System.nanoTime() when its content was sent (the end of
     * DATA written) and when its 250 was read.
     */
    private static long[] deliver(int port, String prefix, String domain, int users) throws IOException {
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
            long sent = System.nanoTime();
            smtp(in, out, "From: <idle@sender.bench.invalid>\r\nTo: <idlers@" + domain + ">\r\nSubject: wake up\r\n"
                    + "Message-ID: <wake." + System.currentTimeMillis() + "@sender.bench.invalid>\r\n\r\nNew mail.\r\n.", "250");
            long accepted = System.nanoTime();
            smtp(in, out, "QUIT", "221");
            return new long[] {sent, accepted};
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
