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
import org.courriel.store.account.DomainService;
import org.springframework.stereotype.Component;

/** {@code domain add|list|delete}: the local domains, as {@code /api/v1/admin/domains}. */
@Component
public class DomainCommands implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("domain",
            "domain add DOMAIN | domain list | domain delete DOMAIN");

    private final DomainService domains;

    public DomainCommands(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        return switch (Arguments.verb(c)) {
            case "add" -> {
                String name = domains.add(Arguments.one(c));
                yield io.result(Map.of("name", name), "domain " + name + " added");
            }
            case "list" -> {
                List<String> all = domains.list();
                yield io.list(all, all);
            }
            case "delete" -> {
                domains.remove(Arguments.one(c));
                yield io.done("domain " + Arguments.one(c) + " deleted");
            }
            default -> throw new UsageException("unknown command: domain " + c.verb());
        };
    }
}
