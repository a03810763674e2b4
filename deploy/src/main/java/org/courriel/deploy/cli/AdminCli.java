package org.courriel.deploy.cli;

import org.courriel.store.DatabaseUnavailable;
import org.courriel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out one admin command with the {@link AdminCommand} of its noun and maps its outcome to an
 * {@link ExitCode}: a refusal of the store is one line on standard error, bad usage adds the usage text, a
 * fault is logged with its stack trace here and reported in one line to the caller. The command's bean is
 * looked up when it runs ({@link CommandTable#commandClass}): in the lazy context of a command run on its own,
 * only that command and the services it needs are created.
 */
@Component
public class AdminCli {

    private static final Logger log = LoggerFactory.getLogger(AdminCli.class);

    private final BeanFactory beans;

    public AdminCli(BeanFactory beans) {
        this.beans = beans;
    }

    public ExitCode run(AdminCommandLine c, CliIo io) {
        try {
            if (c.usageError() != null) {
                throw new UsageException(c.usageError());
            }
            AdminCommand command = CommandTable.commandClass(c.noun())
                    .map(type -> beans.getBeanProvider(type).getIfAvailable()).orElse(null);
            if (command == null || !command.noun().equals(c.noun())) {
                throw new UsageException("unknown command: " + c.noun());
            }
            return command.run(c, io);
        } catch (UsageException e) {
            io.err().println(e.getMessage());
            io.err().println(AdminCommandLine.USAGE);
            return ExitCode.USAGE;
        } catch (StoreException e) {
            io.err().println("error: " + e.getMessage());
            if (e.reason() == StoreException.Reason.UNAVAILABLE) {
                return ExitCode.UNAVAILABLE;
            }
            return ExitCode.REFUSED;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.is(e)) {
                io.err().println("error: the database is unavailable: " + DatabaseUnavailable.describe(e));
                return ExitCode.UNAVAILABLE;
            }
            log.error("admin command {} {} failed", c.noun(), c.verb(), e);
            io.err().println("error: internal error (" + e + "); see the server log");
            return ExitCode.FAILED;
        }
    }
}
