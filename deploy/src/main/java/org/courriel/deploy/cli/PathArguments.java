package org.courriel.deploy.cli;

import java.nio.file.Path;
import java.util.Set;

import org.courriel.deploy.cli.command.BackupCommand;
import org.courriel.deploy.cli.command.RestoreCommand;

/**
 * The command line as sent to a running server, whose working directory is not the command line's: the
 * directory of {@code backup DIR} and {@code restore DIR}, and the file of {@code --password-file F}, made
 * absolute, so it means what the admin typed.
 */
final class PathArguments {

    private static final Set<String> NOUNS = Set.of(BackupCommand.SPEC.noun(), RestoreCommand.SPEC.noun());

    private PathArguments() {
    }

    static String[] forServer(AdminCommandLine command) {
        String[] args = passwordFile(command.args().clone());
        if (!NOUNS.contains(command.noun()) || command.verb() == null) {
            return args;
        }
        boolean nounSeen = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                continue;
            }
            if (!nounSeen) {
                nounSeen = args[i].equals(command.noun());
            } else if (args[i].equals(command.verb())) {
                args[i] = Path.of(args[i]).toAbsolutePath().normalize().toString();
                return args;
            }
        }
        return args;
    }

    /** {@code migrate --password-file F}: the file the admin named, read by the server. */
    private static String[] passwordFile(String[] args) {
        String option = "--password-file";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                args[i + 1] = Path.of(args[i + 1]).toAbsolutePath().normalize().toString();
            } else if (args[i].startsWith(option + "=")) {
                args[i] = option + "=" + Path.of(args[i].substring(option.length() + 1)).toAbsolutePath().normalize();
            }
        }
        return args;
    }
}
