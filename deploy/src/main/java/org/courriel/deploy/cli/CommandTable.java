package org.courriel.deploy.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.courriel.deploy.cli.command.AliasCommands;
import org.courriel.deploy.cli.command.BackupCommand;
import org.courriel.deploy.cli.command.DkimCommands;
import org.courriel.deploy.cli.command.DnsCommand;
import org.courriel.deploy.cli.command.LimitsCommands;
import org.courriel.deploy.cli.command.SrsCommands;
import org.courriel.deploy.cli.command.DomainCommands;
import org.courriel.deploy.cli.command.ExportCommand;
import org.courriel.deploy.cli.command.ImportCommand;
import org.courriel.deploy.cli.command.LogCommand;
import org.courriel.deploy.cli.command.MigrateCommand;
import org.courriel.deploy.cli.command.QueueCommands;
import org.courriel.deploy.cli.command.QuickstartCommand;
import org.courriel.deploy.cli.command.RestoreCommand;
import org.courriel.deploy.cli.command.SharedCommands;
import org.courriel.deploy.cli.command.SieveCommands;
import org.courriel.deploy.cli.command.StatusCommand;
import org.courriel.deploy.cli.command.UserCommands;

/**
 * Every admin command noun: one line per command class. A new command adds its {@link CommandSpec} and its
 * {@link AdminCommand} bean's class here (a bean of the same noun); nothing else changes.
 */
public final class CommandTable {

    /** {@code help}: the usage text, printed without starting anything. */
    public static final CommandSpec HELP = CommandSpec.of("help", "help");

    /** The commands, in the order of the usage text. */
    public static final List<CommandSpec> SPECS = List.of(
            DomainCommands.SPEC,
            UserCommands.SPEC,
            AliasCommands.SPEC,
            SharedCommands.SPEC,
            QueueCommands.SPEC,
            DkimCommands.SPEC,
            DnsCommand.SPEC,
            SieveCommands.SPEC,
            LimitsCommands.SPEC,
            SrsCommands.SPEC,
            QuickstartCommand.SPEC,
            StatusCommand.SPEC,
            LogCommand.SPEC,
            BackupCommand.SPEC,
            RestoreCommand.SPEC,
            ExportCommand.SPEC,
            ImportCommand.SPEC,
            MigrateCommand.SPEC,
            HELP);

    /**
     * The bean class that carries out each noun: a command run on its own creates that bean alone (its context is
     * lazy), not every command with every service they need.
     */
    static final Map<String, Class<? extends AdminCommand>> COMMANDS = Map.ofEntries(
            Map.entry(DomainCommands.SPEC.noun(), DomainCommands.class),
            Map.entry(UserCommands.SPEC.noun(), UserCommands.class),
            Map.entry(AliasCommands.SPEC.noun(), AliasCommands.class),
            Map.entry(SharedCommands.SPEC.noun(), SharedCommands.class),
            Map.entry(QueueCommands.SPEC.noun(), QueueCommands.class),
            Map.entry(DkimCommands.SPEC.noun(), DkimCommands.class),
            Map.entry(DnsCommand.SPEC.noun(), DnsCommand.class),
            Map.entry(SieveCommands.SPEC.noun(), SieveCommands.class),
            Map.entry(LimitsCommands.SPEC.noun(), LimitsCommands.class),
            Map.entry(SrsCommands.SPEC.noun(), SrsCommands.class),
            Map.entry(QuickstartCommand.SPEC.noun(), QuickstartCommand.class),
            Map.entry(StatusCommand.SPEC.noun(), StatusCommand.class),
            Map.entry(LogCommand.SPEC.noun(), LogCommand.class),
            Map.entry(BackupCommand.SPEC.noun(), BackupCommand.class),
            Map.entry(RestoreCommand.SPEC.noun(), RestoreCommand.class),
            Map.entry(ExportCommand.SPEC.noun(), ExportCommand.class),
            Map.entry(ImportCommand.SPEC.noun(), ImportCommand.class),
            Map.entry(MigrateCommand.SPEC.noun(), MigrateCommand.class));

    /**
     * The nouns whose commands need the store alone: run without a server, they start only the store's beans
     * ({@code StoreCommandContext}), not the application's.
     */
    static final Set<String> STORE_COMMANDS = Set.of(DomainCommands.SPEC.noun(), UserCommands.SPEC.noun(),
            AliasCommands.SPEC.noun());

    /** Options every command takes. */
    static final Set<String> GLOBAL_FLAGS = Set.of("json");

    private CommandTable() {
    }

    public static Optional<CommandSpec> find(String noun) {
        return SPECS.stream().filter(s -> s.noun().equals(noun)).findFirst();
    }

    /** The bean class of {@code noun}'s command, empty for an unknown noun or {@code help}. */
    static Optional<Class<? extends AdminCommand>> commandClass(String noun) {
        return Optional.ofNullable(COMMANDS.get(noun));
    }

    static Set<String> optionsWithValue() {
        return SPECS.stream().flatMap(s -> s.optionsWithValue().stream()).collect(Collectors.toSet());
    }

    static Set<String> flags() {
        Set<String> all = new HashSet<>(GLOBAL_FLAGS);
        SPECS.forEach(s -> all.addAll(s.flags()));
        return all;
    }

    static String usage() {
        StringBuilder text = new StringBuilder("usage: courriel [--json] [--spring.property=value ...] COMMAND\n");
        SPECS.forEach(s -> s.usage().lines().forEach(line -> text.append("  ").append(line).append('\n')));
        text.append("""
                SIZE is bytes or a number with KB, MB or GB (0: no quota). Without --password, the password is read
                from standard input (one line). --json prints the result as JSON.
                Exit codes: 0 done, 1 refused, 2 usage error, 3 store or server unreachable, 4 internal error.""");
        return text.toString();
    }
}
