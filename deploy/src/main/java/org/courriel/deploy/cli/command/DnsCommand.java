package org.courriel.deploy.cli.command;

import java.util.List;
import java.util.Locale;

import org.courriel.access.ServerProperties;
import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.mta.auth.records.DnsRecord;
import org.courriel.mta.auth.records.DomainRecords;
import org.courriel.mta.auth.records.MtaStsProperties;
import org.courriel.store.StoreException;
import org.courriel.store.account.DomainService;
import org.courriel.store.dkim.DkimKeyService;
import org.springframework.stereotype.Component;

/** {@code dns DOMAIN}: every DNS record the domain needs, ready to paste, and the MTA-STS policy file. */
@Component
public class DnsCommand implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("dns",
            "dns DOMAIN   (every DNS record the domain needs, and the MTA-STS policy file)");

    private final DkimKeyService keys;
    private final DomainService domains;
    private final ServerProperties server;
    private final MtaStsProperties sts;

    public DnsCommand(DkimKeyService keys, DomainService domains, ServerProperties server, MtaStsProperties sts) {
        this.keys = keys;
        this.domains = domains;
        this.server = server;
        this.sts = sts;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        List<String> words = c.words();
        if (words.size() != 1) {
            throw new UsageException("dns takes one domain");
        }
        String domain = words.getFirst().toLowerCase(Locale.ROOT);
        if (!domains.isLocal(domain)) {
            throw StoreException.notFound("domain " + domain);
        }
        List<DnsRecord> records = DomainRecords.of(domain, server.hostname(), keys.list(domain), sts);
        StringBuilder text = new StringBuilder();
        for (DnsRecord r : records) {
            text.append("; ").append(r.purpose()).append('\n').append(r.zoneLine()).append('\n');
        }
        if (!sts.mode().equals("none")) {
            text.append("\n; MTA-STS policy, served at https://mta-sts.").append(domain)
                    .append("/.well-known/mta-sts.txt:\n");
            DomainRecords.mtaStsPolicy(server.hostname(), sts).lines().forEach(l -> text.append(l).append('\n'));
        }
        return io.result(records, text.toString().stripTrailing());
    }
}
