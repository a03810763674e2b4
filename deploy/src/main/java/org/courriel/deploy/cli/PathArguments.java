package org.courriel.deploy.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.courriel.deploy.cli.command.BackupCommand;
import org.courriel.deploy.cli.command.ExportCommand;
import org.courriel.deploy.cli.command.ImportCommand;
import org.courriel.deploy.cli.command.RestoreCommand;

/**
 * The command line as sent to a running server, whose working directory is not the command line's: the
 * directory of {@code backup DIR} and {@code restore DIR}, the files of {@code export ADDRESS DIR} and
 * {@code import ADDRESS DIR|FILE} (not {@code import imap://...}, which names no file), and the file of {@code --password-file F}, made absolute, so they mean what the
 * admin typed.
 */
final class PathArguments {

    /** For each noun, which of its words (after the noun) is a path. */
    private static final Map<String, Integer> PATH_WORD = Map.of(BackupCommand.SPEC.noun(), 0,
            RestoreCommand.SPEC.noun(), 0, ExportCommand.SPEC.noun(), 1, ImportCommand.SPEC.noun(), 1);

    private PathArguments() {
    }

    static String[] forServer(AdminCommandLine command) {
        String[] args = passwordFile(command.args().clone());
        Integer pathWord = PATH_WORD.get(command.noun());
        if (pathWord == null || command.verb() == null
                || command.noun().equals(ImportCommand.SPEC.noun()) && ImportCommand.fromImapServer(command.words())) {
            return args;
        }
        if (command.noun().equals(ExportCommand.SPEC.noun()) && command.option("all") != null) {
            pathWord = 0; // export --all DIR
        }
        Set<String> withValue = CommandTable.optionsWithValue();
        int word = -1; // the noun
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (withValue.contains(args[i].substring(2))) {
                    i++; // its value
                }
                continue;
            }
            if (word < 0 && !args[i].equals(command.noun())) {
                continue;
            }
            if (word++ == pathWord) {
                args[i] = Path.of(args[i]).toAbsolutePath().normalize().toString();
                return args;
            }
        }
        return args;
    }

    /** {@code migrate --password-file F} (and {@code import imap://... --password-file F}): the file the admin named, read by the server. */
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
