package org.courriel.deploy.cli;

/**
 * One noun of the admin command line ({@code domain}, {@code user}, ...), a bean; its {@link CommandSpec} is in
 * {@link CommandTable}. It runs in the server (over the admin socket) or in a context of its own, alike.
 */
public interface AdminCommand {

    /** The noun this bean carries out. */
    String noun();

    /**
     * Carries the command out.
     *
     * @throws UsageException for bad usage (exit code 2)
     * @throws org.courriel.store.StoreException for a refusal (exit code 1)
     */
    ExitCode run(AdminCommandLine command, CliIo io);
}
