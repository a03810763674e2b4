package org.courriel.deploy.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.courriel.CourrielApplication;

/**
 * The Courriel server in a process of its own (the application's main class on this JVM's class path), on
 * loopback ports chosen here, so a test can kill it with SIGKILL or stop it with SIGTERM and start it again on
 * the same data. Its output goes to a log file beside the data directory.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final Process process;
    private final Path log;
    public final int smtpPort;
    public final int imapPort;
    public final int submissionPort;

    private ServerProcess(Process process, Path log, int smtpPort, int imapPort, int submissionPort) {
        this.process = process;
        this.log = log;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.submissionPort = submissionPort;
    }

    /** This JVM, with {@code maxHeap} ({@code -Xmx}) and this class path, running the application's main class. */
    public static List<String> java(String maxHeap) {
        return new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + maxHeap,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CourrielApplication.class.getName()));
    }

    /**
     * Starts the server as {@code hostname} with these extra {@code name=value} settings (each given once: a
     * setting also made here would be read as a list) and waits until SMTP and IMAP greet.
     */
    public static ServerProcess start(Path dataDir, String hostname, List<String> settings)
            throws IOException, InterruptedException {
        int smtp = freePort();
        int imap = freePort();
        int submission = freePort();
        List<String> command = java("384m");
        command.addAll(List.of("--courriel.data-dir=" + dataDir, "--courriel.hostname=" + hostname,
                "--server.port=0", "--management.server.port=0",
                "--courriel.mx.bind-address=127.0.0.1", "--courriel.mx.port=" + smtp,
                "--courriel.submission.bind-address=127.0.0.1", "--courriel.submission.port=" + submission,
                "--courriel.smtp.allow-plaintext-auth-on-loopback=true", "--courriel.submissions.enabled=false",
                "--courriel.imap.bind-address=127.0.0.1", "--courriel.imap.port=" + imap, "--courriel.imaps.port=-1",
                "--courriel.imap.allow-plaintext-loopback=true", "--spring.main.banner-mode=off"));
        settings.forEach(s -> command.add("--" + s));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(p, log, smtp, imap, submission);
        try {
            server.awaitGreeting(smtp, "220 ");
            server.awaitGreeting(imap, "* OK");
        } catch (IOException | RuntimeException e) {
            server.kill();
            throw e;
        }
        return server;
    }

    /** All the server wrote so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not die");
        }
    }

    /**
     * SIGTERM ({@link Process#destroy()} on Linux): the server shuts down gracefully. Waits at most {@code limit}
     * for it to exit and returns its exit status, or fails.
     */
    public int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not exit within " + limit + " of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitGreeting(int port, String greeting) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                s.setSoTimeout(10_000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                if (line != null && line.startsWith(greeting)) {
                    return;
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the server did not open port " + port + " in " + STARTUP, e);
                }
            }
            // nothing to await but the port: the server says nothing until it listens
            Thread.sleep(200);
        }
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
