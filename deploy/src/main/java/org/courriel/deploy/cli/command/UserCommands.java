package org.courriel.deploy.cli.command;

import java.util.List;
import java.util.Set;

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
import org.springframework.stereotype.Component;

/** {@code user ...}: accounts, their passwords, quotas, state and admin role, as {@code /api/v1/admin/accounts}. */
@Component
public class UserCommands implements AdminCommand {

    public static final CommandSpec SPEC = new CommandSpec("user", """
            user add ADDRESS [--password PASSWORD] [--display-name NAME] [--quota SIZE] [--admin]
            user list | user show ADDRESS | user delete ADDRESS | user passwd ADDRESS [--password PASSWORD]
            user quota ADDRESS SIZE | user enable ADDRESS | user disable ADDRESS
            user admin ADDRESS | user unadmin ADDRESS""",
            Set.of("password", "display-name", "quota"), Set.of("admin"));

    private final AccountService accounts;

    public UserCommands(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        return switch (Arguments.verb(c)) {
            case "add" -> {
                String address = Arguments.one(c);
                AccountInfo a = accounts.create(address, Arguments.password(c, io), c.option("display-name"),
                        Arguments.size(c.option("quota")));
                if (c.option("admin") != null) {
                    accounts.setAdmin(a.address(), true);
                }
                yield io.result(AccountView.of(find(a.address())), "user " + a.address() + " added");
            }
            case "list" -> {
                List<AccountView> all = accounts.list().stream().map(AccountView::of).toList();
                yield io.list(all, all.stream().map(AccountView::line).toList());
            }
            case "show" -> {
                AccountView a = AccountView.of(find(Arguments.one(c)));
                yield io.result(a, a.line());
            }
            case "delete" -> {
                accounts.delete(Arguments.one(c));
                yield io.done("user " + Arguments.one(c) + " deleted");
            }
            case "passwd" -> {
                String address = Arguments.one(c);
                find(address);
                accounts.setPassword(address, Arguments.password(c, io));
                yield io.done("password of " + address + " changed");
            }
            case "quota" -> {
                accounts.setQuota(Arguments.arg(c, 0, 2), Arguments.size(Arguments.arg(c, 1, 2)));
                yield io.done("quota of " + Arguments.arg(c, 0, 2) + " set");
            }
            case "enable", "disable" -> {
                accounts.setEnabled(Arguments.one(c), c.verb().equals("enable"));
                yield io.done("user " + Arguments.one(c) + " " + c.verb() + "d");
            }
            case "admin", "unadmin" -> {
                accounts.setAdmin(Arguments.one(c), c.verb().equals("admin"));
                yield io.done("user " + Arguments.one(c) + (c.verb().equals("admin") ? " is" : " is no longer")
                        + " an administrator");
            }
            default -> throw new UsageException("unknown command: user " + c.verb());
        };
    }

    private AccountInfo find(String address) {
        return accounts.find(address).orElseThrow(() -> StoreException.notFound("account " + address));
    }
}
