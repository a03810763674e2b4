package org.courriel.deploy.cli.command;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.Arguments;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.sieve.SieveScriptService;
import org.courriel.store.sieve.SimpleRules;
import org.courriel.store.sieve.SimpleRulesService;
import org.springframework.stereotype.Component;

/** {@code sieve vacation|vacation-off|forward|forward-off|show}: an out-of-office and a forward without Sieve. */
@Component
public class SieveCommands implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("sieve", """
            sieve vacation ADDRESS DAYS TEXT [SUBJECT] | sieve vacation-off ADDRESS
            sieve forward ADDRESS TARGET [keep] | sieve forward-off ADDRESS | sieve show ADDRESS""");

    private final AccountService accounts;
    private final SimpleRulesService rules;
    private final SieveScriptService scripts;

    public SieveCommands(AccountService accounts, SimpleRulesService rules, SieveScriptService scripts) {
        this.accounts = accounts;
        this.rules = rules;
        this.scripts = scripts;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        String verb = Arguments.verb(c);
        int n = c.arguments().size();
        if (n < 1) {
            throw new UsageException("sieve " + verb + " needs an account address");
        }
        AccountInfo account = accounts.find(c.arguments().getFirst())
                .orElseThrow(() -> StoreException.notFound("account " + c.arguments().getFirst()));
        return switch (verb) {
            case "vacation" -> {
                if (n < 3 || n > 4) {
                    throw new UsageException("sieve vacation takes ADDRESS DAYS TEXT [SUBJECT]");
                }
                int days;
                try {
                    days = Integer.parseInt(c.arguments().get(1));
                } catch (NumberFormatException e) {
                    throw new UsageException("DAYS is a number: " + c.arguments().get(1));
                }
                rules.setVacation(account.id(), new SimpleRules.Vacation(n == 4 ? c.arguments().get(3) : null,
                        c.arguments().get(2), days));
                yield io.done("out-of-office reply set for " + account.address());
            }
            case "vacation-off" -> {
                rules.setVacation(account.id(), null);
                yield io.done("out-of-office reply off for " + account.address());
            }
            case "forward" -> {
                if (n < 2 || n > 3 || (n == 3 && !c.arguments().get(2).equals("keep"))) {
                    throw new UsageException("sieve forward takes ADDRESS TARGET [keep]");
                }
                rules.setForward(account.id(), new SimpleRules.Forward(c.arguments().get(1), n == 3));
                yield io.done(account.address() + " forwards to " + c.arguments().get(1));
            }
            case "forward-off" -> {
                rules.setForward(account.id(), null);
                yield io.done(account.address() + " no longer forwards");
            }
            case "show" -> io.done(scripts.active(account.id()).map(s -> "# active: " + s.name() + "\n"
                    + s.content().stripTrailing()).orElse("no active script"));
            default -> throw new UsageException("unknown command: sieve " + verb);
        };
    }
}
