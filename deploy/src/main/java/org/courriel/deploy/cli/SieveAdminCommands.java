package org.courriel.deploy.cli;

import java.io.PrintStream;

import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.sieve.SieveScriptService;
import org.courriel.store.sieve.SimpleRules;
import org.courriel.store.sieve.SimpleRulesService;
import org.springframework.stereotype.Component;

/**
 * The {@code sieve} admin commands: an out-of-office reply and a forward for an account, written as its Sieve
 * script by the store ({@link SimpleRulesService}), and the active script shown. Exit codes as
 * {@link AdminCli}'s: 0 done, 1 refused by the store, 2 bad usage.
 */
@Component
public class SieveAdminCommands {

    public static final String USAGE = """
              sieve vacation ADDRESS DAYS TEXT [SUBJECT] | sieve vacation-off ADDRESS
              sieve forward ADDRESS TARGET [keep] | sieve forward-off ADDRESS | sieve show ADDRESS""";

    private final AccountService accounts;
    private final SimpleRulesService rules;
    private final SieveScriptService scripts;

    SieveAdminCommands(AccountService accounts, SimpleRulesService rules, SieveScriptService scripts) {
        this.accounts = accounts;
        this.rules = rules;
        this.scripts = scripts;
    }

    public int run(AdminCommandLine c, PrintStream out, PrintStream err) {
        try {
            int n = c.arguments().size();
            if (c.verb() == null || n < 1) {
                return usage(err, "sieve " + c.verb() + " needs an account address");
            }
            AccountInfo account = accounts.find(c.arguments().getFirst())
                    .orElseThrow(() -> StoreException.notFound("account " + c.arguments().getFirst()));
            switch (c.verb()) {
                case "vacation" -> {
                    if (n < 3 || n > 4) {
                        return usage(err, "sieve vacation takes ADDRESS DAYS TEXT [SUBJECT]");
                    }
                    int days;
                    try {
                        days = Integer.parseInt(c.arguments().get(1));
                    } catch (NumberFormatException e) {
                        return usage(err, "DAYS is a number: " + c.arguments().get(1));
                    }
                    rules.setVacation(account.id(), new SimpleRules.Vacation(n == 4 ? c.arguments().get(3) : null,
                            c.arguments().get(2), days));
                    out.println("out-of-office reply set for " + account.address());
                }
                case "vacation-off" -> {
                    rules.setVacation(account.id(), null);
                    out.println("out-of-office reply off for " + account.address());
                }
                case "forward" -> {
                    if (n < 2 || n > 3 || (n == 3 && !c.arguments().get(2).equals("keep"))) {
                        return usage(err, "sieve forward takes ADDRESS TARGET [keep]");
                    }
                    rules.setForward(account.id(), new SimpleRules.Forward(c.arguments().get(1), n == 3));
                    out.println(account.address() + " forwards to " + c.arguments().get(1));
                }
                case "forward-off" -> {
                    rules.setForward(account.id(), null);
                    out.println(account.address() + " no longer forwards");
                }
                case "show" -> out.print(scripts.active(account.id()).map(s -> "# active: " + s.name() + "\n"
                        + s.content()).orElse("no active script\n"));
                default -> {
                    return usage(err, "unknown command: sieve " + c.verb());
                }
            }
            return 0;
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println(message);
        err.println("usage:\n" + USAGE);
        return 2;
    }
}
