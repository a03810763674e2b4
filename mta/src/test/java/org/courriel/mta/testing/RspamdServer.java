package org.courriel.mta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.courriel.store.testing.Tools;

/**
 * Debian's rspamd, started for a test on two loopback ports with a configuration of its own in a temporary
 * directory: no network lookups (its DNS points at a closed loopback port, the modules that query the internet
 * are off), and the action thresholds {@code add header} at 4 and {@code reject} at 15. Its Bayes classifier keeps
 * its statistics in a Redis of its own (Debian's redis-server, on a third loopback port, nothing saved to disk),
 * as a production rspamd does, with {@code min_learns = 1} and {@code min_token_hits = 1}: it scores with BAYES_SPAM
 * or BAYES_HAM once it learned one message of each class, and counts a word seen once (rspamd's defaults, 200
 * learns and 2 hits, suit a real site; a test teaches two messages). The controller
 * ({@link #controllerUrl()}) takes {@code /learnspam} and {@code /learnham} from loopback without a password. rspamd
 * compiles its TLD list and rules into Hyperscan databases at start, which takes up to a minute on a busy machine,
 * so a test class shares one, and every instance keeps those compiled databases (nothing but a cache: rspamd checks
 * each file against the regular expressions and the Hyperscan version it was built for, and compiles again what
 * does not match) in {@link #HS_CACHE}, shared by the instances of every test JVM on the machine: only the first
 * start compiles them (some 15 s), a later one is ready in about a second.
 */
public final class RspamdServer implements AutoCloseable {

    /** The GTUBE string (rspamd's GTUBE rule, the SpamAssassin test pattern) that every spam filter rejects. */
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    /** Modules that would ask the internet (DNS lists, host name checks, fuzzy hashes, URL checks) or need Redis. */
    private static final List<String> OFF = List.of("fuzzy_check", "rbl", "surbl", "dcc", "phishing", "url_redirector",
            "neural", "asn", "emails", "spamassassin", "replies", "ratelimit", "greylist", "dkim_signing", "arc",
            "mx_check", "multimap", "maillist", "once_received", "spf", "dkim", "dmarc", "history_redis", "elastic",
            "clickhouse", "metadata_exporter", "reputation", "milter_headers", "rspamd_update", "p0f", "external_services",
            "hfilter");

    /** rspamd's {@code hs_cache_dir}: its compiled Hyperscan databases, which rspamd writes by rename. */
    static final Path HS_CACHE = Path.of(System.getProperty("java.io.tmpdir"),
            "courriel-rspamd-hs-cache-" + System.getProperty("user.name"));

    private final Path dir;
    private final Process process;
    private final Process redis;
    private final int normalPort;
    private final int controllerPort;

    private RspamdServer(Path dir, Process process, Process redis, int normalPort, int controllerPort) {
        this.dir = dir;
        this.process = process;
        this.redis = redis;
        this.normalPort = normalPort;
        this.controllerPort = controllerPort;
    }

    public static RspamdServer start() {
        Path rspamd = Tools.require("rspamd", "rspamd");
        Path redisServer = Tools.require("redis-server", "redis-server");
        try {
            Path dir = Files.createTempDirectory("courriel-rspamd");
            int normal = freePort();
            int controller = freePort();
            int redisPort = freePort();
            for (String sub : List.of("local.d", "db", "run", "log", "redis")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Process redis = new ProcessBuilder(redisServer.toString(), "--bind", "127.0.0.1", "--port",
                    String.valueOf(redisPort), "--save", "", "--appendonly", "no", "--dir", dir.resolve("redis").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log/redis.log").toFile()).start();
            Path local = dir.resolve("local.d");
            Files.writeString(local.resolve("worker-normal.inc"), "bind_socket = \"127.0.0.1:" + normal + "\";\ncount = 1;\n");
            Files.writeString(local.resolve("worker-controller.inc"),
                    "bind_socket = \"127.0.0.1:" + controller + "\";\ncount = 1;\nsecure_ip = \"127.0.0.1\";\n");
            Files.writeString(local.resolve("worker-proxy.inc"), "enabled = false;\n");
            Files.writeString(local.resolve("worker-fuzzy.inc"), "enabled = false;\n");
            Files.createDirectories(HS_CACHE);
            Files.writeString(local.resolve("options.inc"),
                    "dns { nameserver = [\"127.0.0.1:9\"]; timeout = 0.1s; retransmits = 1; }\n"
                            + "hs_cache_dir = \"" + HS_CACHE + "/\";\n");
            Files.writeString(local.resolve("logging.inc"), "type = \"file\"; filename = \"" + dir.resolve("log/rspamd.log")
                    + "\"; level = \"warning\";\n");
            Files.writeString(local.resolve("actions.conf"), "greylist = null;\nadd_header = 4;\nrewrite_subject = null;\nreject = 15;\n");
            Files.writeString(local.resolve("classifier-bayes.conf"), """
                    backend = "redis";
                    servers = "127.0.0.1:%d";
                    min_learns = 1;
                    min_token_hits = 1;
                    autolearn = false;
                    """.formatted(redisPort));
            for (String module : OFF) {
                Files.writeString(local.resolve(module + ".conf"), "enabled = false;\n");
            }
            List<String> command = new ArrayList<>(List.of(rspamd.toString(), "-f", "-i", "-c", "/etc/rspamd/rspamd.conf",
                    "--var", "LOCAL_CONFDIR=" + dir, "--var", "DBDIR=" + dir.resolve("db"),
                    "--var", "RUNDIR=" + dir.resolve("run"), "--var", "LOGDIR=" + dir.resolve("log")));
            if ("root".equals(System.getProperty("user.name"))) {
                // rspamd refuses to run its workers as root; nobody must be able to write its directories.
                command.addAll(List.of("-u", "nobody", "-g", "nogroup"));
                new ProcessBuilder("chown", "-R", "nobody", dir.toString(), HS_CACHE.toString()).inheritIO().start()
                        .waitFor();
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log/stdout.log").toFile()).start();
            RspamdServer server = new RspamdServer(dir, process, redis, normal, controller);
            server.awaitReady(Duration.ofMinutes(3));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + normalPort;
    }

    /** The controller worker: {@code /learnspam}, {@code /learnham}, {@code /stat}. */
    public String controllerUrl() {
        return "http://127.0.0.1:" + controllerPort;
    }

    /**
     * rspamd opens its ports before its workers have loaded their rules, and scores a message then with none: it
     * is ready once a scan names at least one rule.
     */
    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!(open(normalPort) && open(controllerPort) && scansWithRules())) {
            if (!process.isAlive()) {
                throw new IllegalStateException("rspamd exited with " + process.exitValue() + ": " + log());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("rspamd was not ready within " + limit + ": " + log());
            }
            Thread.sleep(200);
        }
    }

    private boolean scansWithRules() {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/checkv2")).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("From: probe@example.net\r\nSubject: probe\r\n\r\nprobe\r\n"))
                .build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String reply = http.send(probe, HttpResponse.BodyHandlers.ofString()).body();
            return reply.contains("\"symbols\":{\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String log() throws IOException {
        Path out = dir.resolve("log/stdout.log");
        Path file = dir.resolve("log/rspamd.log");
        return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(file) ? Files.readString(file) : "");
    }

    private static boolean open(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        // rspamd's workers are its children: listed before the main process goes, or they are orphans.
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
        redis.destroyForcibly();
    }
}
