package org.courriel.deploy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.courriel.deploy.cli.command.RestoreCommand;
import org.courriel.deploy.cli.socket.AdminSocketClient;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one admin command: through the running server's admin socket when there is one (a fraction of a
 * second: no Spring, no database here), else on its own in a minimal application context
 * ({@link StandaloneContext}) on the database the configuration names. A store that cannot be opened is one
 * line on standard error, not a stack trace.
 */
public final class AdminCliRunner {

    private AdminCliRunner() {
    }

    public static int run(AdminCommandLine command, InputStream stdin, PrintStream out, PrintStream err) {
        if (command.usageError() == null && command.serverMayRun()) {
            OptionalInt viaServer = AdminSocketClient.run(ServerLocator.socket(command, System.getenv()),
                    PathArguments.forServer(command), stdin, out, err);
            if (viaServer.isPresent()) {
                return viaServer.getAsInt();
            }
        }
        if (command.noun().equals(RestoreCommand.SPEC.noun())) {
            // before any context: one would create a database in the data directory to restore into
            return RestoreCommand.withoutServer(command, ServerLocator.dataDir(command, System.getenv()), out, err).code;
        }
        return runOnItsOwn(command, stdin, out, err);
    }

    /** Runs the command in a context of its own, without asking a running server. */
    public static int runOnItsOwn(AdminCommandLine command, InputStream stdin, PrintStream out, PrintStream err) {
        SpringApplication app = StandaloneContext.application(command.noun());
        ConfigurableApplicationContext context;
        try {
            context = app.run(command.springArguments());
        } catch (RuntimeException e) {
            err.println("courriel: " + StartupFailure.describe(e));
            return StartupFailure.exitCode(e).code;
        }
        try (context) {
            return context.getBean(AdminCli.class).run(command, new CliIo(out, err, lines(stdin), command.json())).code;
        }
    }

    private static Supplier<String> lines(InputStream stdin) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        return () -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
