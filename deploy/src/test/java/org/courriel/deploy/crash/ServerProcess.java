package org.courriel.deploy.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.courriel.CourrielApplication;

/**
 * The Courriel server in a process of its own (the application's main class on this JVM's class path), on
 * loopback ports chosen here, so a test can kill it with SIGKILL and start it again on the same data.
 * Its output goes to a log file beside the data.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    final int smtpPort;
    final int imapPort;
    final int submissionPort;

    private ServerProcess(Process process, int smtpPort, int imapPort, int submissionPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.submissionPort = submissionPort;
    }

    /** Starts the server with these extra {@code name=value} settings and waits until SMTP and IMAP greet. */
    static ServerProcess start(Path dataDir, List<String> settings) throws IOException, InterruptedException {
        int smtp = freePort();
        int imap = freePort();
        int submission = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CourrielApplication.class.getName(),
                "--courriel.data-dir=" + dataDir,
                "--courriel.hostname=crash.test",
                "--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
                "--courriel.mx.bind-address=127.0.0.1", "--courriel.mx.port=" + smtp,
                "--courriel.submission.bind-address=127.0.0.1", "--courriel.submission.port=" + submission,
                "--courriel.smtp.allow-plaintext-auth-on-loopback=true", "--courriel.submissions.enabled=false",
                "--courriel.imap.bind-address=127.0.0.1", "--courriel.imap.port=" + imap, "--courriel.imaps.port=-1", "--courriel.managesieve.port=-1",
                "--courriel.imap.allow-plaintext-loopback=true",
                "--spring.main.banner-mode=off"));
        settings.forEach(s -> command.add("--" + s));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()))
                .start();
        ServerProcess server = new ServerProcess(p, smtp, imap, submission);
        try {
            server.awaitGreeting(smtp, "220 ");
            server.awaitGreeting(imap, "* OK");
        } catch (IOException | RuntimeException e) {
            server.kill();
            throw e;
        }
        return server;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not die");
        }
    }

    /**
     * SIGTERM ({@link Process#destroy()} on Linux): the server shuts down gracefully. Waits at most {@code limit}
     * for it to exit and returns its exit status, or fails.
     */
    int terminate(Duration limit) throws InterruptedException {
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
