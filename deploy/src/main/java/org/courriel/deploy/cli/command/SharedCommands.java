package org.courriel.deploy.cli.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.Arguments;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.store.account.SharedMailboxes;
import org.courriel.store.account.SharedMailboxes.SharedMailbox;
import org.springframework.stereotype.Component;

/**
 * {@code shared add|grant|list|show|delete}: domain-shared mailboxes (info@example.org, read as
 * {@code Shared Folders/info}), as {@code /api/v1/admin/shared-mailboxes}.
 */
@Component
public class SharedCommands implements AdminCommand {

    public static final CommandSpec SPEC = new CommandSpec("shared", """
            shared add ADDRESS [--grant ACCOUNT=RIGHTS[,ACCOUNT=RIGHTS...]] [--display-name NAME] [--quota SIZE]
            shared grant ADDRESS ACCOUNT RIGHTS (RIGHTS "" removes) | shared list | shared show ADDRESS
            shared delete ADDRESS        (RIGHTS: letters of RFC 4314, e.g. lrswipte; ACCOUNT: an address or anyone)""",
            Set.of("grant", "display-name", "quota"), Set.of());

    private final SharedMailboxes shared;

    public SharedCommands(SharedMailboxes shared) {
        this.shared = shared;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        return switch (Arguments.verb(c)) {
            case "add" -> {
                SharedMailbox m = shared.add(Arguments.one(c), c.option("display-name"), grants(c.option("grant")),
                        Arguments.size(c.option("quota")));
                yield io.result(m, "shared mailbox " + m.address() + " added, seen as \"" + m.folder() + "\"");
            }
            case "grant" -> {
                if (c.arguments().size() != 3) {
                    throw new UsageException("shared grant takes an address, an account and rights");
                }
                SharedMailbox m = shared.grant(c.arguments().get(0), c.arguments().get(1), c.arguments().get(2));
                yield io.result(m, line(m));
            }
            case "list" -> io.list(shared.list(), shared.list().stream().map(SharedCommands::line).toList());
            case "show" -> {
                SharedMailbox m = shared.get(Arguments.one(c));
                yield io.result(m, line(m));
            }
            case "delete" -> {
                shared.delete(Arguments.one(c));
                yield io.done("shared mailbox " + Arguments.one(c) + " deleted");
            }
            default -> throw new UsageException("unknown command: shared " + c.verb());
        };
    }

    private static String line(SharedMailbox m) {
        StringBuilder sb = new StringBuilder(m.address()).append(" (\"").append(m.folder()).append("\")");
        m.grants().forEach((id, rights) -> sb.append(' ').append(id).append('=').append(rights));
        return sb.toString();
    }

    /** {@code alice@example.org=lrswipte,anyone=lr}: identifier to rights, in the order given. */
    static Map<String, String> grants(String option) {
        Map<String, String> grants = new LinkedHashMap<>();
        if (option == null || option.isBlank()) {
            return grants;
        }
        for (String grant : option.split(",")) {
            int eq = grant.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--grant takes ACCOUNT=RIGHTS, not " + grant);
            }
            grants.put(grant.substring(0, eq).strip(), grant.substring(eq + 1).strip());
        }
        return grants;
    }
}
