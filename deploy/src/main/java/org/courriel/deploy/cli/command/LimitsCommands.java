package org.courriel.deploy.cli.command;

import java.util.List;
import java.util.Locale;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.Arguments;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.store.account.Addresses;
import org.courriel.store.limit.SendCounters;
import org.courriel.store.limit.SendUsage;
import org.springframework.stereotype.Component;

/**
 * {@code limits list|reset}: what each authenticated sender sent in the last hour against the hourly send limits
 * (docs/spam.md), and forgetting one sender's count, e.g. once a stolen password is changed.
 */
@Component
public class LimitsCommands implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("limits",
            "limits list | limits reset account|domain ADDRESS-OR-DOMAIN   (hourly send counts)");

    private final SendCounters counters;

    public LimitsCommands(SendCounters counters) {
        this.counters = counters;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        return switch (Arguments.verb(c)) {
            case "list" -> {
                List<SendUsage> all = counters.all();
                yield io.list(all, all.stream().map(u -> u.scope() + " " + u.subject() + ": " + u.messages()
                        + " messages, " + u.recipients() + " recipients in the last hour").toList());
            }
            case "reset" -> {
                if (c.arguments().size() != 2 || !List.of("account", "domain").contains(c.arguments().get(0))) {
                    throw new UsageException("limits reset takes account ADDRESS or domain DOMAIN");
                }
                String scope = c.arguments().get(0);
                // the form SendLimiter counts under: the store's normal form of an address, a domain in lower case
                String subject = scope.equals("account") ? Addresses.address(c.arguments().get(1))
                        : c.arguments().get(1).toLowerCase(Locale.ROOT);
                int rows = counters.reset(scope, subject);
                yield io.done(rows == 0 ? "nothing counted for " + scope + " " + subject
                        : "send count of " + scope + " " + subject + " reset");
            }
            default -> throw new UsageException("unknown command: limits " + c.verb());
        };
    }
}
