package org.courriel.deploy.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.courriel.deploy.testing.ServerProcess;

/**
 * The command line launched as an admin launches it, a process of its own (the application's main class on this
 * JVM's class path), with its exit code and output; the server it talks to is a {@link ServerProcess}.
 */
public final class LaunchedCli {

    private static final Duration COMMAND = Duration.ofSeconds(180);

    public record Result(int exit, String out, String err, Duration took) {
    }

    private LaunchedCli() {
    }

    /** Runs the command line with these arguments, in {@code dir}, with {@code stdin} on its standard input. */
    public static Result command(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = ServerProcess.java("256m");
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
}
