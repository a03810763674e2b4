import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * SMTP load generator for the ingest benchmark (bench/run-ingest.sh): N concurrent connections on one host,
 * each sending M messages of about S bytes to R recipients spread over U users, with MAIL/RCPT/DATA pipelined
 * (RFC 2920) when the server offers PIPELINING. A message counts only once the server has answered 250 to the
 * end of its DATA; each such message's token (also its Subject) is appended to the --log file, flushed at once,
 * so that a crash test can check afterwards that every acknowledged message is in the store.
 * {@code --message FILE} sends that message instead (a DKIM-signed one, bench/run-ingest-verify.sh), its token in
 * an unsigned {@code X-Bench-Token} field put in front, from {@code --sender} (the MAIL FROM of SPF).
 * <p>
 * Run with the JDK's single-file launcher: {@code java bench/src/SmtpLoadGenerator.java --port 42525 ...}
 * (no dependencies). It talks only to the given host, 127.0.0.1 by default.
 */
public final class SmtpLoadGenerator {

    private static final int TIMEOUT_MILLIS = 120_000;

    record Options(String host, int port, int connections, int messages, int recipients, int users, String domain,
            int size, Path log, String runId, Path message, String sender) {

        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                o.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(o.getOrDefault("host", "127.0.0.1"), Integer.parseInt(o.getOrDefault("port", "2525")),
                    Integer.parseInt(o.getOrDefault("connections", "50")), Integer.parseInt(o.getOrDefault("messages", "100")),
                    Integer.parseInt(o.getOrDefault("recipients", "3")), Integer.parseInt(o.getOrDefault("users", "20")),
                    o.getOrDefault("domain", "bench.example.org"), Integer.parseInt(o.getOrDefault("size", "4096")),
                    o.containsKey("log") ? Path.of(o.get("log")) : null,
                    o.getOrDefault("run-id", Long.toString(System.currentTimeMillis(), 36)),
                    o.containsKey("message") ? Path.of(o.get("message")) : null, o.get("sender"));
        }
    }

    private final Options options;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder recipientsAccepted = new LongAdder();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final long[] latencies;
    private final AtomicLong latencyCount = new AtomicLong();
    private final PrintWriter log;
    private final byte[] filler;
    /** The --message file, CRLF lines, dot-stuffed and ended by CRLF; null for generated messages. */
    private final byte[] fixed;

    SmtpLoadGenerator(Options options) throws IOException {
        this.options = options;
        this.latencies = new long[options.connections() * options.messages()];
        this.log = options.log() == null ? null
                : new PrintWriter(Files.newBufferedWriter(options.log(), StandardCharsets.US_ASCII));
        StringBuilder text = new StringBuilder();
        int line = 0;
        while (text.length() < options.size()) {
            text.append("Line ").append(line++).append(" of the benchmark body, plain ASCII text that looks like mail.\r\n");
        }
        this.filler = text.toString().getBytes(StandardCharsets.US_ASCII);
        if (options.message() == null) {
            this.fixed = null;
        } else {
            String m = Files.readString(options.message(), StandardCharsets.ISO_8859_1).replaceAll("\r?\n", "\r\n");
            m = (m.endsWith("\r\n") ? m : m + "\r\n").replace("\r\n.", "\r\n..");
            this.fixed = (m.startsWith(".") ? "." + m : m).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new SmtpLoadGenerator(options).run();
    }

    void run() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(options.connections());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < options.connections(); c++) {
            int connection = c;
            threads.add(Thread.ofPlatform().name("smtp-" + c).start(() -> session(connection, ready, go)));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (log != null) {
            log.close();
        }
        report(seconds);
    }

    private void session(int connection, CountDownLatch ready, CountDownLatch go) {
        boolean counted = false;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(options.host(), options.port()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16384);
            expect(reply(in), "220", "greeting");
            send(out, "EHLO load" + connection + ".bench.invalid\r\n");
            List<String> ehlo = reply(in);
            expect(ehlo, "250", "EHLO");
            boolean pipelining = ehlo.stream().anyMatch(l -> l.substring(4).toUpperCase().startsWith("PIPELINING"));
            ready.countDown();
            counted = true;
            go.await();
            for (int i = 0; i < options.messages(); i++) {
                transaction(connection, i, in, out, pipelining);
            }
            send(out, "QUIT\r\n");
            reply(in);
        } catch (Exception e) {
            errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), k -> new LongAdder()).increment();
        } finally {
            if (!counted) {
                ready.countDown();
            }
        }
    }

    private void transaction(int connection, int index, InputStream in, OutputStream out, boolean pipelining)
            throws IOException {
        String token = options.runId() + "." + connection + "." + index;
        List<String> rcpts = new ArrayList<>();
        for (int r = 0; r < options.recipients(); r++) {
            int user = (connection * 7 + index * options.recipients() + r) % options.users();
            String rcpt = "u" + user + "@" + options.domain();
            if (!rcpts.contains(rcpt)) {
                rcpts.add(rcpt);
            }
        }
        List<String> commands = new ArrayList<>();
        String sender = options.sender() != null ? options.sender() : "load" + connection + "@sender.bench.invalid";
        commands.add("MAIL FROM:<" + sender + "> SIZE=" + (fixed != null ? fixed.length + 60 : filler.length + 600));
        rcpts.forEach(r -> commands.add("RCPT TO:<" + r + ">"));
        commands.add("DATA");
        List<List<String>> replies = new ArrayList<>();
        if (pipelining) {                                         // RFC 2920 §3.1: DATA is the last command of a group
            send(out, String.join("\r\n", commands) + "\r\n");
            for (int k = 0; k < commands.size(); k++) {
                replies.add(reply(in));
            }
        } else {
            for (String command : commands) {
                send(out, command + "\r\n");
                replies.add(reply(in));
            }
        }
        int okRecipients = 0;
        for (int k = 1; k < commands.size() - 1; k++) {
            if (code(replies.get(k)).startsWith("2")) {
                okRecipients++;
            } else {
                refused("RCPT " + replies.get(k).getLast());
            }
        }
        List<String> data = replies.getLast();
        if (!code(data).equals("354")) {
            refused("DATA " + data.getLast());
            send(out, "RSET\r\n");
            reply(in);
            return;
        }
        if (fixed != null) {
            out.write(("X-Bench-Token: " + token + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(fixed);
        } else {
            String header = "Message-ID: <" + token + "@load.bench.invalid>\r\n"
                    + "Date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + "\r\n"
                    + "From: Load " + connection + " <load" + connection + "@sender.bench.invalid>\r\n"
                    + "To: " + String.join(", ", rcpts) + "\r\n"
                    + "Subject: " + token + "\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n";
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.write(filler);
        }
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long sent = System.nanoTime();
        List<String> end = reply(in);
        long latency = System.nanoTime() - sent;
        if (code(end).equals("250")) {
            accepted.increment();
            recipientsAccepted.add(okRecipients);
            latencies[(int) latencyCount.getAndIncrement()] = latency;
            if (log != null) {
                synchronized (log) {
                    log.println(token + " " + okRecipients);
                    log.flush();
                }
            }
        } else {
            refused("end of DATA " + end.getLast());
        }
    }

    private void refused(String what) {
        String key = what.length() > 60 ? what.substring(0, 60) : what;
        refusals.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private void report(double seconds) {
        long n = accepted.sum();
        long[] sorted = Arrays.copyOf(latencies, (int) latencyCount.get());
        Arrays.sort(sorted);
        System.out.printf("connections=%d messages/connection=%d recipients/message=%d users=%d size=%d B%n",
                options.connections(), options.messages(), options.recipients(), options.users(), filler.length);
        System.out.printf("accepted (250 after DATA): %d messages, %d recipients, in %.2f s%n", n, recipientsAccepted.sum(), seconds);
        System.out.printf("RATE %.1f messages/s (%.1f recipients/s)%n", n / seconds, recipientsAccepted.sum() / seconds);
        if (sorted.length > 0) {
            System.out.printf("end-of-DATA to 250 latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
        new TreeMap<>(refusals).forEach((k, v) -> System.out.println("refused: " + v.sum() + " x " + k));
        new TreeMap<>(errors).forEach((k, v) -> System.out.println("connection error: " + v.sum() + " x " + k));
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String code(List<String> reply) {
        return reply.getLast().substring(0, 3);
    }

    private static void expect(List<String> reply, String code, String what) throws IOException {
        if (!code(reply).equals(code)) {
            throw new IOException(what + ": " + reply.getLast());
        }
    }

    /** One reply, all its lines (RFC 5321 §4.2.1: "250-" continues, "250 " ends). */
    private static List<String> reply(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = line(in);
            if (line.length() < 3) {
                throw new IOException("malformed reply line: " + line);
            }
            lines.add(line);
            if (line.length() == 3 || line.charAt(3) != '-') {
                return lines;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            if (sb.length() > 4096) {
                throw new IOException("reply line too long");
            }
            sb.append((char) b);
        }
        throw new IOException("connection closed by the server");
    }
}
