package org.courriel.deploy.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.courriel.access.ServerProperties;
import org.courriel.api.autoconfig.ClientSettingsService;
import org.courriel.api.autoconfig.MailServer;
import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.Arguments;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.store.account.AccountInfo;
import org.courriel.store.account.AccountService;
import org.courriel.store.account.Addresses;
import org.courriel.store.account.DomainService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code quickstart ADDRESS}: the domain and an administrator account for it (with a generated password,
 * printed once), then the client settings and the next steps. Idempotent: what exists is left as it is, and a
 * second run prints the settings again without touching the password.
 */
@Component
public class QuickstartCommand implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("quickstart",
            "quickstart ADDRESS                    (the domain, an admin account, client settings, next steps)");

    private final DomainService domains;
    private final AccountService accounts;
    private final ClientSettingsService clientSettings;
    private final ServerProperties server;
    private final ObjectProvider<QuickstartExtension> extensions;

    public QuickstartCommand(DomainService domains, AccountService accounts, ClientSettingsService clientSettings,
            ServerProperties server, ObjectProvider<QuickstartExtension> extensions) {
        this.domains = domains;
        this.accounts = accounts;
        this.clientSettings = clientSettings;
        this.server = server;
        this.extensions = extensions;
    }

    /** What quickstart did and what the admin needs, for {@code --json}. */
    public record Outcome(String address, String domain, boolean domainCreated, boolean accountCreated,
            String password, List<MailServer> servers, List<String> nextSteps) {
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        if (c.words().size() != 1) {
            throw new UsageException("quickstart takes one address, e.g. quickstart admin@example.org");
        }
        String address = Addresses.address(c.words().get(0));
        String domain = Addresses.domainOf(address);
        boolean domainCreated = !domains.isLocal(domain);
        if (domainCreated) {
            domains.add(domain);
        }
        Optional<AccountInfo> existing = accounts.find(address);
        String password = null;
        if (existing.isEmpty()) {
            password = c.option("password") != null ? c.option("password") : PasswordGenerator.generate();
            accounts.create(address, password, null, 0);
            accounts.setAdmin(address, true);
        }
        List<String> next = new ArrayList<>();
        next.add("Publish an MX record for " + domain + " pointing at " + server.hostname()
                + ", and an A/AAAA record for " + server.hostname() + ".");
        next.add("Give the server a real certificate for " + server.hostname()
                + " (SSL bundle 'courriel', docs/configuration.md); until then clients warn about the self-signed one.");
        extensions.orderedStream().forEach(e -> next.addAll(e.setUp(domain, io)));
        next.add("Send a test message to " + address + ", then: courriel log " + address);
        List<MailServer> servers = clientSettings.settingsOfDomain(domain).servers();
        Outcome outcome = new Outcome(address, domain, domainCreated, existing.isEmpty(),
                c.option("password") == null ? password : null, servers, next);
        return io.result(outcome, text(outcome, password != null && c.option("password") == null));
    }

    private static String text(Outcome o, boolean showPassword) {
        List<String> lines = new ArrayList<>();
        lines.add("domain " + o.domain() + (o.domainCreated() ? " added" : " exists already"));
        if (o.accountCreated()) {
            lines.add("user " + o.address() + " added (administrator)" + (showPassword ? ", password: " + o.password() : ""));
            if (showPassword) {
                lines.add("  (shown once; change it with: courriel user passwd " + o.address() + ")");
            }
        } else {
            lines.add("user " + o.address() + " exists already; its password is unchanged");
        }
        lines.add("");
        lines.add("Client settings (user name " + o.address() + "):");
        for (MailServer s : o.servers()) {
            lines.add(String.format("  %-10s %s port %d, %s", s.protocol(), s.host(), s.port(),
                    s.implicitTls() ? "TLS" : "STARTTLS"));
        }
        lines.add("");
        lines.add("Next steps:");
        for (int i = 0; i < o.nextSteps().size(); i++) {
            lines.add("  " + (i + 1) + ". " + o.nextSteps().get(i));
        }
        return String.join("\n", lines);
    }
}
