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
import org.courriel.mta.auth.records.CheckedRecord;
import org.courriel.mta.auth.records.DnsRecord;
import org.courriel.mta.auth.records.DomainRecords;
import org.courriel.mta.auth.records.MtaStsProperties;
import org.courriel.mta.auth.records.RecordCheck;
import org.courriel.mta.dns.DnsResolver;
import org.courriel.store.StoreException;
import org.courriel.store.account.DomainService;
import org.courriel.store.dkim.DkimKeyService;
import org.springframework.stereotype.Component;

/**
 * {@code dns DOMAIN}: every DNS record the domain needs, ready to paste, and the MTA-STS policy file.
 * {@code dns check DOMAIN}: looks each of them up through the server's resolver ({@code courriel.dns.servers})
 * and says line by line what is present, missing or wrong; exit code 0 only when all are as needed.
 */
@Component
public class DnsCommand implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("dns",
            "dns DOMAIN   (every DNS record the domain needs, and the MTA-STS policy file)\n"
                    + "dns check DOMAIN   (looks them up: what is present, missing or wrong; exit 1 if any is not right)");

    private final DkimKeyService keys;
    private final DomainService domains;
    private final ServerProperties server;
    private final MtaStsProperties sts;
    private final DnsResolver dns;

    public DnsCommand(DkimKeyService keys, DomainService domains, ServerProperties server, MtaStsProperties sts,
            DnsResolver dns) {
        this.dns = dns;
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
        if (!words.isEmpty() && words.getFirst().equals("check")) {
            if (words.size() != 2) {
                throw new UsageException("dns check takes one domain");
            }
            return check(hosted(words.get(1)), io);
        }
        if (words.size() != 1) {
            throw new UsageException("dns takes one domain (or: dns check DOMAIN)");
        }
        String domain = hosted(words.getFirst());
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

    private String hosted(String word) {
        String domain = word.toLowerCase(Locale.ROOT);
        if (!domains.isLocal(domain)) {
            throw StoreException.notFound("domain " + domain);
        }
        return domain;
    }

    /** The check's result as {@code --json} shows it. */
    public record CheckReport(String domain, boolean ok, List<CheckedRecord> records) {
    }

    private ExitCode check(String domain, CliIo io) {
        List<CheckedRecord> records = new RecordCheck(dns, server.hostname(), sts).check(domain, keys.list(domain));
        boolean ok = records.stream().allMatch(CheckedRecord::ok);
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(r.line()).append('\n'));
        long bad = records.stream().filter(r -> !r.ok()).count();
        text.append(ok ? "all " + records.size() + " records are as needed"
                : bad + " of " + records.size() + " records need attention (courriel dns " + domain + " prints them)");
        io.result(new CheckReport(domain, ok, records), text.toString());
        return ok ? ExitCode.OK : ExitCode.REFUSED;
    }
}
