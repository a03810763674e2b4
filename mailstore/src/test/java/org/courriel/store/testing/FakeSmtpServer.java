package org.courriel.store.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A scripted remote SMTP server on 127.0.0.1 for the queue tests: it announces what it is told to, answers
 * RCPT and the final dot from functions of the address and attempt (after a delay, if told to be slow), and
 * records every transaction it accepted, the commands it saw, and clients that broke its pipelining rules;
 * tests that account for each transfer as it happens listen with {@link #onAccepted} and {@link #onClosed}.
 * <p>
 * As a PIPELINING server it holds its replies to MAIL and RCPT until DATA arrives (RFC 2920 §3.2 lets a server
 * batch), so a client that waits for each reply stalls and fails. As a server without PIPELINING it counts a
 * violation whenever a command arrives before the reply to the previous one was sent.
 */
public final class FakeSmtpServer implements AutoCloseable {

    /** One accepted transaction. */
    public record Transaction(String mailFrom, String mailCommand, List<String> recipients, byte[] data, boolean secure,
            int connection) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket listener;
    private final String name;
    public volatile boolean ehlo = true;
    public volatile boolean pipelining;
    public volatile boolean eightBitMime = true;
    public volatile long sizeLimit;
    public volatile SSLContext tls;
    /** Announce REQUIRETLS (RFC 8689) in the EHLO reply after TLS. */
    public volatile boolean requireTls;
    /** Offers STARTTLS, says 220 to it, then hangs up instead of a handshake. */
    public volatile boolean brokenTls;
    /** Accepts connections and never says a word (timeouts). */
    public volatile boolean silent;
    /** When set, AUTH PLAIN is offered after STARTTLS and only these credentials pass ("user\0password"). */
    public volatile String plainCredentials;
    public final List<String> authenticated = new CopyOnWriteArrayList<>();
    public volatile IntFunction<String> greeting = n -> "220 " + "fake.test ESMTP";
    /** The reply to RCPT for an address, given how many times the address was offered before (1 = first). */
    public volatile BiFunction<String, Integer, String> rcptReply = (address, attempt) -> "250 2.1.5 ok";
    /** The reply to the final dot, given the transaction's accepted recipients. */
    public volatile java.util.function.Function<List<String>, String> dataReply = rcpts -> "250 2.0.0 queued";
    /** How long the server takes before it answers the final dot (a slow remote: a kill falls mid-transfer). */
    public volatile Duration dataReplyDelay = Duration.ZERO;
    /** Told of each accepted transaction once its 2xx reply to the final dot has been written. */
    public volatile Consumer<Transaction> onAccepted = t -> {
    };
    /** Told of each connection's end: its number, and whether the client said QUIT (else it was cut). */
    public volatile BiConsumer<Integer, Boolean> onClosed = (connection, quit) -> {
    };

    public final List<Transaction> transactions = new CopyOnWriteArrayList<>();
    public final List<String> commands = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();
    public final AtomicInteger pipeliningViolations = new AtomicInteger();
    private final Map<String, AtomicInteger> rcptAttempts = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private FakeSmtpServer(String name) throws IOException {
        this.name = name;
        this.listener = new ServerSocket();
        this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("fake-smtp-" + name).start(this::accept);
    }

    public static FakeSmtpServer start(String name) {
        try {
            return new FakeSmtpServer(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, for {@code courriel.relay.routes}. */
    public String route() {
        return "127.0.0.1:" + port();
    }

    /** The transactions that named {@code recipient}. */
    public List<Transaction> to(String recipient) {
        return transactions.stream().filter(t -> t.recipients().contains(recipient)).toList();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                int number = connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket, number));
            } catch (IOException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void serve(Socket socket, int number) {
        boolean quit = false;
        try (Session session = new Session(socket, number)) {
            quit = session.run();
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClosed.accept(number, quit);
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing
        }
    }

    private final class Session implements AutoCloseable {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final int number;
        private boolean secure;
        private boolean announcedPipelining;
        private final StringBuilder held = new StringBuilder();
        private String mailFrom;
        private String mailCommand;
        private final List<String> accepted = new ArrayList<>();

        Session(Socket socket, int number) throws IOException {
            this.number = number;
            attach(socket);
        }

        private void attach(Socket s) throws IOException {
            socket = s;
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        }

        /** Serves the connection; true if it ended with QUIT. */
        boolean run() throws IOException, InterruptedException {
            if (silent) {
                in.read(); // until the client gives up and closes
                return false;
            }
            String hello = greeting.apply(number);
            send(hello);
            if (!hello.startsWith("220")) {
                return false;
            }
            while (true) {
                String line = readLine();
                if (line == null) {
                    return false;
                }
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                boolean batching = announcedPipelining && (verb.equals("MAIL") || verb.equals("RCPT"));
                if (!announcedPipelining && in.available() > 0) {
                    pipeliningViolations.incrementAndGet();
                }
                switch (verb) {
                    case "EHLO" -> {
                        if (!ehlo) {
                            send("502 5.5.1 EHLO not implemented");
                            continue;
                        }
                        reset();
                        List<String> lines = new ArrayList<>();
                        lines.add(name + ".test hello");
                        if (pipelining) {
                            lines.add("PIPELINING");
                        }
                        if (eightBitMime) {
                            lines.add("8BITMIME");
                        }
                        lines.add(sizeLimit > 0 ? "SIZE " + sizeLimit : "SIZE");
                        if ((tls != null || brokenTls) && !secure) {
                            lines.add("STARTTLS");
                        }
                        if (requireTls && secure) {
                            lines.add("REQUIRETLS");
                        }
                        if (plainCredentials != null && secure) {
                            lines.add("AUTH PLAIN");
                        }
                        lines.add("ENHANCEDSTATUSCODES");
                        StringBuilder reply = new StringBuilder();
                        for (int i = 0; i < lines.size(); i++) {
                            reply.append("250").append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i));
                            if (i < lines.size() - 1) {
                                reply.append("\r\n");
                            }
                        }
                        announcedPipelining = pipelining;
                        send(reply.toString());
                    }
                    case "HELO" -> {
                        reset();
                        announcedPipelining = false;
                        send("250 " + name + ".test");
                    }
                    case "STARTTLS" -> {
                        if (brokenTls) {
                            send("220 2.0.0 ready");
                            return false;
                        }
                        if (tls == null || secure) {
                            send("502 5.5.1 no TLS here");
                            continue;
                        }
                        send("220 2.0.0 ready");
                        SSLSocket tlsSocket = (SSLSocket) tls.getSocketFactory().createSocket(socket, null,
                                socket.getPort(), true);
                        tlsSocket.setUseClientMode(false);
                        tlsSocket.startHandshake();
                        attach(tlsSocket);
                        secure = true;
                        announcedPipelining = false;
                        reset();
                    }
                    case "AUTH" -> {
                        String[] words = line.split(" ");
                        String decoded = words.length == 3 && words[1].equalsIgnoreCase("PLAIN")
                                ? new String(java.util.Base64.getDecoder().decode(words[2]), StandardCharsets.UTF_8) : "";
                        if (plainCredentials != null && secure && decoded.equals("\0" + plainCredentials)) {
                            authenticated.add(plainCredentials.split("\0")[0]);
                            send("235 2.7.0 authenticated");
                        } else {
                            send("535 5.7.8 bad credentials");
                        }
                    }
                    case "MAIL" -> {
                        mailCommand = line;
                        mailFrom = between(line, '<', '>');
                        accepted.clear();
                        reply("250 2.1.0 ok", batching);
                    }
                    case "RCPT" -> {
                        String address = between(line, '<', '>');
                        int attempt = rcptAttempts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                        String reply = mailFrom == null ? "503 5.5.1 MAIL first" : rcptReply.apply(address, attempt);
                        if (reply.startsWith("2")) {
                            accepted.add(address);
                        }
                        reply(reply, batching);
                    }
                    case "DATA" -> {
                        if (mailFrom == null || accepted.isEmpty()) {
                            reply("554 5.5.1 no valid recipients", false);
                            continue;
                        }
                        reply("354 go ahead", false);
                        byte[] data = readData();
                        Thread.sleep(dataReplyDelay);
                        String reply = dataReply.apply(List.copyOf(accepted));
                        Transaction transaction = null;
                        if (reply.startsWith("2")) {
                            transaction = new Transaction(mailFrom, mailCommand, List.copyOf(accepted), data, secure,
                                    number);
                            transactions.add(transaction);
                        }
                        send(reply);
                        if (transaction != null) {
                            onAccepted.accept(transaction);
                        }
                        mailFrom = null;
                        accepted.clear();
                    }
                    case "RSET" -> {
                        reset();
                        reply("250 2.0.0 ok", false);
                    }
                    case "NOOP" -> reply("250 2.0.0 ok", false);
                    case "QUIT" -> {
                        reply("221 2.0.0 bye", false);
                        return true;
                    }
                    default -> reply("500 5.5.2 unknown command", false);
                }
            }
        }

        private void reset() {
            mailFrom = null;
            accepted.clear();
        }

        /** Holds MAIL and RCPT replies of a pipelining session until the next command that ends the batch. */
        private void reply(String reply, boolean hold) throws IOException {
            held.append(reply).append("\r\n");
            if (!hold) {
                out.write(held.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                held.setLength(0);
            }
        }

        private void send(String reply) throws IOException {
            reply(reply, false);
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b == -1) {
                    return null;
                }
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, end, StandardCharsets.UTF_8);
                }
                if (line.size() > 100_000) {
                    throw new IOException("line too long");
                }
                line.write(b);
            }
        }

        /** Reads DATA up to the lone dot, undoing dot-stuffing (RFC 5321 §4.5.2). */
        private byte[] readData() throws IOException {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            while (true) {
                String line = readLine();
                if (line == null) {
                    throw new IOException("closed during DATA");
                }
                if (line.equals(".")) {
                    return data.toByteArray();
                }
                String unstuffed = line.startsWith(".") ? line.substring(1) : line;
                data.write(unstuffed.getBytes(StandardCharsets.UTF_8));
                data.write('\r');
                data.write('\n');
            }
        }

        private String between(String line, char open, char close) {
            int a = line.indexOf(open);
            int b = line.indexOf(close, a + 1);
            return a < 0 || b < 0 ? "" : line.substring(a + 1, b).toLowerCase(Locale.ROOT);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
