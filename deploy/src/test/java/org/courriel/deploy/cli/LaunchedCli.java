package org.courriel.deploy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
 * Courriel launched as an admin launches it: the server, and the command line, each a process of its own (the
 * application's main class on this JVM's class path), with their exit codes and output.
 */
public final class LaunchedCli {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration COMMAND = Duration.ofSeconds(180);

    public record Result(int exit, String out, String err, Duration took) {
    }

    private LaunchedCli() {
    }

    static List<String> java() {
        return new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CourrielApplication.class.getName()));
    }

    /** Runs the command line with these arguments, in {@code dir}, with {@code stdin} on its standard input. */
    public static Result command(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = java();
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("courriel " + String.join(" ", args) + " did not finish in " + COMMAND);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** A running server on loopback ports, its output in {@code log}. */
    public static final class Server implements AutoCloseable {

        final Process process;
        final Path log;
        public final int smtpPort;
        public final int imapPort;
        public final int submissionPort;

        private Server(Process process, Path log, int smtpPort, int imapPort, int submissionPort) {
            this.process = process;
            this.log = log;
            this.smtpPort = smtpPort;
            this.imapPort = imapPort;
            this.submissionPort = submissionPort;
        }

        public static Server start(Path dataDir, String... settings) throws IOException, InterruptedException {
            int smtp = freePort();
            int imap = freePort();
            int submission = freePort();
            List<String> command = java();
            command.addAll(List.of("--courriel.data-dir=" + dataDir, "--courriel.hostname=cli.test",
                    "--server.port=0", "--management.server.port=0",
                    "--courriel.mx.bind-address=127.0.0.1", "--courriel.mx.port=" + smtp,
                    "--courriel.submission.bind-address=127.0.0.1", "--courriel.submission.port=" + submission,
                    "--courriel.smtp.allow-plaintext-auth-on-loopback=true", "--courriel.submissions.enabled=false",
                    "--courriel.imap.bind-address=127.0.0.1", "--courriel.imap.port=" + imap, "--courriel.imaps.port=-1",
                    "--courriel.imap.allow-plaintext-loopback=true", "--spring.main.banner-mode=off"));
            command.addAll(List.of(settings));
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Server server = new Server(p, log, smtp, imap, submission);
            try {
                server.awaitGreeting(imap, "* OK");
            } catch (IOException | RuntimeException e) {
                server.kill();
                throw e;
            }
            return server;
        }

        public String log() throws IOException {
            return Files.readString(log);
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
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
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
