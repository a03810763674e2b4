package org.courriel.deploy.cli.command;

import java.util.List;
import java.util.Map;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.Arguments;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.store.account.AliasService;
import org.springframework.stereotype.Component;

/** {@code alias add|list|delete}: aliases and catch-alls, as {@code /api/v1/admin/aliases}. */
@Component
public class AliasCommands implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("alias",
            "alias add ADDRESS TARGET... | alias list | alias delete ADDRESS");

    private final AliasService aliases;

    public AliasCommands(AliasService aliases) {
        this.aliases = aliases;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    public record AliasView(String address, List<String> targets) {
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        return switch (Arguments.verb(c)) {
            case "add" -> {
                if (c.arguments().size() < 2) {
                    throw new UsageException("alias add needs an address and at least one target");
                }
                aliases.add(c.arguments().get(0), c.arguments().subList(1, c.arguments().size()));
                yield io.done("alias " + c.arguments().get(0) + " added");
            }
            case "list" -> {
                Map<String, List<String>> all = aliases.list();
                yield io.list(all.entrySet().stream().map(e -> new AliasView(e.getKey(), e.getValue())).toList(),
                        all.entrySet().stream().map(e -> e.getKey() + " -> " + String.join(", ", e.getValue())).toList());
            }
            case "delete" -> {
                aliases.remove(Arguments.one(c));
                yield io.done("alias " + Arguments.one(c) + " deleted");
            }
            default -> throw new UsageException("unknown command: alias " + c.verb());
        };
    }
}
