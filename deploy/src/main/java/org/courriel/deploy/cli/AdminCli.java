package org.courriel.deploy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.courriel.store.StoreException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.AliasService;
import org.courriel.store.account.DomainService;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Carries out admin commands on the store; exit codes: 0 done, 1 refused by the store, 2 bad usage. */
@Component
public class AdminCli {

    private final DomainService domains;
    private final AccountService accounts;
    private final AliasService aliases;

    public AdminCli(DomainService domains, AccountService accounts, AliasService aliases) {
        this.domains = domains;
        this.accounts = accounts;
        this.aliases = aliases;
    }

    public int run(AdminCommandLine c, PrintStream out, PrintStream err) {
        try {
            return switch (c.noun() + " " + c.verb()) {
                case "domain add" -> done(out, "domain " + domains.add(one(c)) + " added");
                case "domain list" -> list(out, domains.list());
                case "domain delete" -> {
                    domains.remove(one(c));
                    yield done(out, "domain " + one(c) + " deleted");
                }
                case "user add" -> {
                    AccountInfo a = accounts.create(one(c), password(c), c.option("display-name"), quota(c.option("quota")));
                    if (c.option("admin") != null) {
                        accounts.setAdmin(a.address(), true);
                    }
                    yield done(out, "user " + a.address() + " added");
                }
                case "user list" -> list(out, accounts.list().stream().map(AdminCli::describe).toList());
                case "user delete" -> {
                    accounts.delete(one(c));
                    yield done(out, "user " + one(c) + " deleted");
                }
                case "user passwd" -> {
                    accounts.setPassword(one(c), password(c));
                    yield done(out, "password of " + one(c) + " changed");
                }
                case "user quota" -> {
                    accounts.setQuota(arg(c, 0, 2), quota(arg(c, 1, 2)));
                    yield done(out, "quota of " + arg(c, 0, 2) + " set");
                }
                case "user enable", "user disable" -> {
                    accounts.setEnabled(one(c), c.verb().equals("enable"));
                    yield done(out, "user " + one(c) + " " + c.verb() + "d");
                }
                case "alias add" -> {
                    if (c.arguments().size() < 2) {
                        throw new UsageException("alias add needs an address and at least one target");
                    }
                    aliases.add(c.arguments().get(0), c.arguments().subList(1, c.arguments().size()));
                    yield done(out, "alias " + c.arguments().get(0) + " added");
                }
                case "alias list" -> list(out, aliases.list().entrySet().stream()
                        .map(e -> e.getKey() + " -> " + String.join(", ", e.getValue())).toList());
                case "alias delete" -> {
                    aliases.remove(one(c));
                    yield done(out, "alias " + one(c) + " deleted");
                }
                default -> throw new UsageException("unknown command: " + c.noun() + " " + c.verb());
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(AdminCommandLine.USAGE);
            return 2;
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int done(PrintStream out, String message) {
        out.println(message);
        return 0;
    }

    private static int list(PrintStream out, List<String> lines) {
        lines.forEach(out::println);
        return 0;
    }

    private static String describe(AccountInfo a) {
        return a.address() + (a.enabled() ? "" : " (disabled)") + (a.admin() ? " (admin)" : "")
                + " quota=" + (a.quotaBytes() == 0 ? "none" : size(a.quotaBytes())) + " used=" + size(a.usedBytes());
    }

    /** A size in the largest unit that divides it: 10MB, 1536KB, 17B. */
    static String size(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        long[] factors = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= factors[i] && bytes % factors[i] == 0) {
                return bytes / factors[i] + units[i];
            }
        }
        return bytes + "B";
    }

    private static String one(AdminCommandLine c) {
        return arg(c, 0, 1);
    }

    private static String arg(AdminCommandLine c, int index, int count) {
        if (c.arguments().size() != count) {
            throw new UsageException(c.noun() + " " + c.verb() + " takes " + count + " argument" + (count > 1 ? "s" : ""));
        }
        return c.arguments().get(index);
    }

    private static long quota(String size) {
        if (size == null) {
            return 0;
        }
        try {
            return DataSize.parse(size.toUpperCase(Locale.ROOT)).toBytes();
        } catch (IllegalArgumentException e) {
            throw new UsageException("not a size: " + size);
        }
    }

    private static String password(AdminCommandLine c) {
        String given = c.option("password");
        if (given != null) {
            return given;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException("no password given (use --password or one line on standard input)");
            }
            return line;
        } catch (IOException e) {
            throw new UsageException("cannot read the password: " + e.getMessage());
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
