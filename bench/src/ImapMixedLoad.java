import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IMAP mixed load of issue 9: N clients, each on an account of its own, repeating a cycle of LOGIN, SELECT,
 * FETCH, STORE, SEARCH, APPEND, STORE \Deleted, EXPUNGE, LOGOUT on a new connection ({@code cycle}), or the same
 * cycle inside one session per client that logs in once ({@code session}). Each INBOX is first filled to
 * {@code SEED} messages (not timed); every cycle appends one message and expunges it, so the mailbox keeps its
 * size. Prints commands per second over the measured window (after the warm-up), LOGIN p50/p99 and each command's
 * mean and p99 (in {@code session} mode the LOGIN figures are those of the logins that opened the sessions, before
 * the window). A NO, BAD or broken connection counts as a failure and is printed.
 * <p>
 * {@code java bench/src/ImapMixedLoad.java NAME PORT CLIENTS USER_PREFIX DOMAIN PASSWORD MODE SECONDS [WARMUP] [SEED]}
 * (127.0.0.1 only; accounts USER_PREFIX0@DOMAIN ... USER_PREFIX(CLIENTS-1)@DOMAIN)
 */
public final class ImapMixedLoad {

    static final List<String> COMMANDS = List.of("LOGIN", "SELECT", "FETCH", "STORE", "SEARCH", "APPEND",
            "STORE-DELETED", "EXPUNGE", "LOGOUT");
    static final Pattern APPEND_UID = Pattern.compile("\\[APPENDUID \\d+ (\\d+)]");
    static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS");
    static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}$");

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int port = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        String prefix = args[3];
        String domain = args[4];
        String password = args[5];
        String mode = args[6];
        double seconds = Double.parseDouble(args[7]);
        double warmup = args.length > 8 ? Double.parseDouble(args[8]) : 5;
        int seed = args.length > 9 ? Integer.parseInt(args[9]) : 20;
        if (!mode.equals("cycle") && !mode.equals("session")) {
            throw new IllegalArgumentException("MODE is cycle or session");
        }
        Client[] all = new Client[clients];
        for (int i = 0; i < clients; i++) {
            all[i] = new Client(port, prefix + i + "@" + domain, password, mode.equals("session"));
        }
        for (Client c : all) {
            c.seed(seed);
        }
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (Client c : all) {
            threads.add(Thread.ofPlatform().name("client-" + c.user).start(() -> c.run(measureFrom, end)));
        }
        for (Thread t : threads) {
            t.join();
        }
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        COMMANDS.forEach(cmd -> latencies.put(cmd, new ArrayList<>()));
        long cycles = 0;
        long failures = 0;
        for (Client c : all) {
            c.latencies.forEach((cmd, list) -> latencies.get(cmd).addAll(list));
            cycles += c.cycles;
            failures += c.failures.get();
        }
        long commands = latencies.values().stream().mapToLong(List::size).sum();
        List<Long> sessionLogins = new ArrayList<>();
        for (Client c : all) {
            sessionLogins.addAll(c.sessionLogins);
        }
        System.out.printf("RESULT %s mode=%s clients=%d window=%.0fs cycles=%d commands=%d commands/s=%.1f failures=%d%n",
                name, mode, clients, seconds, cycles, commands, commands / seconds, failures);
        List<Long> login = sessionLogins.isEmpty() ? latencies.get("LOGIN") : sessionLogins;
        System.out.printf("LOGIN %s p50=%.2f ms p99=%.2f ms (n=%d%s)%n", name, percentile(login, 50),
                percentile(login, 99), login.size(), sessionLogins.isEmpty() ? "" : ", the logins that opened the sessions");
        for (String cmd : COMMANDS) {
            List<Long> l = latencies.get(cmd);
            if (!l.isEmpty()) {
                System.out.printf("  %-14s n=%6d mean=%8.2f ms p99=%8.2f ms%n", cmd, l.size(),
                        l.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6, percentile(l, 99));
            }
        }
        for (Client c : all) {
            c.errors.stream().limit(3).forEach(e -> System.out.println("failed: " + c.user + ": " + e));
        }
    }

    static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static final class Client {

        final int port;
        final String user;
        final String password;
        final boolean keepSession;
        final Map<String, List<Long>> latencies = new LinkedHashMap<>();
        /** session mode: the LOGIN that opened each session (during the warm-up). */
        final List<Long> sessionLogins = new ArrayList<>();
        final AtomicLong failures = new AtomicLong();
        final List<String> errors = new ArrayList<>();
        long cycles;
        int tag;
        Socket socket;
        InputStream in;
        OutputStream out;
        int exists;
        long measureFrom;
        long end;

        Client(int port, String user, String password, boolean keepSession) {
            this.port = port;
            this.user = user;
            this.password = password;
            this.keepSession = keepSession;
            COMMANDS.forEach(cmd -> latencies.put(cmd, new ArrayList<>()));
        }

        /** Fills the INBOX to {@code count} messages, untimed. */
        void seed(int count) throws IOException {
            connect();
            expectOk(command("LOGIN", login()));
            expectOk(command("SELECT", "SELECT INBOX"));
            for (int i = exists; i < count; i++) {
                expectOk(append(i));
            }
            command("LOGOUT", "LOGOUT");
            socket.close();
        }

        void run(long measureFrom, long end) {
            this.measureFrom = measureFrom;
            this.end = end;
            boolean open = false;
            while (System.nanoTime() < end) {
                try {
                    if (!open) {
                        connect();
                        if (keepSession) {
                            long t0 = System.nanoTime();
                            expectOk(command("LOGIN", login()));
                            sessionLogins.add(System.nanoTime() - t0);
                        } else {
                            timed("LOGIN", login());
                        }
                        open = true;
                    }
                    timed("SELECT", "SELECT INBOX");
                    timed("FETCH", "FETCH 1:* (UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (FROM SUBJECT DATE)])");
                    timed("STORE", "STORE 1 " + (cycles % 2 == 0 ? "+" : "-") + "FLAGS (\\Flagged)");
                    timed("SEARCH", "UID SEARCH SUBJECT \"message 7\"");
                    String appended = timedAppend();
                    Matcher uid = APPEND_UID.matcher(appended);
                    if (uid.find()) {
                        timed("STORE-DELETED", "UID STORE " + uid.group(1) + " +FLAGS.SILENT (\\Deleted)");
                        timed("EXPUNGE", "EXPUNGE");
                    }
                    if (!keepSession || System.nanoTime() >= end) {
                        timed("LOGOUT", "LOGOUT");
                        socket.close();
                        open = false;
                    }
                    if (System.nanoTime() >= measureFrom) {
                        cycles++;
                    }
                } catch (IOException | RuntimeException e) {
                    failures.incrementAndGet();
                    synchronized (errors) {
                        errors.add(e.toString());
                    }
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // already broken
                    }
                    open = false;
                }
            }
            if (open) {
                try {
                    command("LOGOUT", "LOGOUT");
                    socket.close();
                } catch (IOException ignored) {
                    // the window is over
                }
            }
        }

        String login() {
            return "LOGIN \"" + user + "\" \"" + password + "\"";
        }

        void connect() throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(120_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = new BufferedOutputStream(socket.getOutputStream(), 65536);
            String greeting = line();
            if (!greeting.startsWith("* OK")) {
                throw new IOException("greeting: " + greeting);
            }
        }

        void timed(String kind, String command) throws IOException {
            long t0 = System.nanoTime();
            String done = command(kind, command);
            record(kind, t0, done);
        }

        String timedAppend() throws IOException {
            long t0 = System.nanoTime();
            String done = append(cycles);
            record("APPEND", t0, done);
            return done;
        }

        void record(String kind, long t0, String done) throws IOException {
            long t1 = System.nanoTime();
            if (!done.startsWith("OK")) {
                throw new IOException(kind + ": " + done);
            }
            if (t0 >= measureFrom && t1 <= end) {
                latencies.get(kind).add(t1 - t0);
            }
        }

        String append(long n) throws IOException {
            String body = "From: Load <load@bench.invalid>\r\nTo: " + user + "\r\nSubject: message " + n
                    + "\r\nDate: Wed, 02 Dec 2026 10:00:00 +0000\r\nMessage-ID: <" + n + "." + System.nanoTime()
                    + "@bench.invalid>\r\n\r\n" + "A line of text for the mixed IMAP load.\r\n".repeat(40);
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            String t = "a" + (++tag);
            out.write((t + " APPEND INBOX (\\Seen) {" + bytes.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return completion(t);
        }

        /** Sends a command and reads to its tagged completion; returns the completion without the tag. */
        String command(String kind, String command) throws IOException {
            String t = "a" + (++tag);
            out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return completion(t);
        }

        String completion(String t) throws IOException {
            String prefix = t + " ";
            while (true) {
                String line = responseLine();
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
                Matcher m = EXISTS.matcher(line);
                if (m.find()) {
                    exists = Integer.parseInt(m.group(1));
                }
            }
        }

        /** One response line with its literals read and left out. */
        String responseLine() throws IOException {
            StringBuilder all = new StringBuilder();
            while (true) {
                String line = line();
                all.append(line);
                Matcher literal = LITERAL.matcher(line);
                if (!literal.find()) {
                    return all.toString();
                }
                in.skipNBytes(Long.parseLong(literal.group(1)));
            }
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
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

        static void expectOk(String done) throws IOException {
            if (!done.startsWith("OK")) {
                throw new IOException("seeding: " + done);
            }
        }
    }
}
