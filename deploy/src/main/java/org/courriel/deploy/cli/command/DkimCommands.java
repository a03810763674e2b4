package org.courriel.deploy.cli.command;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.Arguments;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.mta.auth.dkim.DkimKeyActivation;
import org.courriel.mta.auth.records.DnsRecord;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyService;
import org.springframework.stereotype.Component;

/** {@code dkim add|list|activate|retire}: the domains' signing keys, as {@code /api/v1/admin/dkim}. */
@Component
public class DkimCommands implements AdminCommand {

    public static final CommandSpec SPEC = new CommandSpec("dkim", """
            dkim add DOMAIN [--selector SELECTOR] [--algorithm rsa|ed25519]   (prints the TXT record to publish)
            dkim list [DOMAIN] | dkim activate DOMAIN SELECTOR [--force] | dkim retire DOMAIN SELECTOR""",
            Set.of("selector", "algorithm"), Set.of("force"));

    private final DkimKeyService keys;
    private final DkimKeyActivation activation;

    public DkimCommands(DkimKeyService keys, DkimKeyActivation activation) {
        this.keys = keys;
        this.activation = activation;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    /** One key as {@code --json} shows it. */
    public record KeyView(String domain, String selector, String algorithm, String state, String created,
            String activated, String retired) {

        static KeyView of(DkimKey k) {
            return new KeyView(k.domain(), k.selector(), k.algorithm().tag(), k.state().name().toLowerCase(Locale.ROOT),
                    String.valueOf(k.createdAt()), k.activatedAt() == null ? null : k.activatedAt().toString(),
                    k.retiredAt() == null ? null : k.retiredAt().toString());
        }
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        return switch (Arguments.verb(c)) {
            case "add" -> {
                String algorithm = c.option("algorithm");
                // RSA by default: receivers that know no Ed25519 (RFC 8463) would see no valid signature at all.
                DkimKey key = keys.add(exactly(c, 1).getFirst(), c.option("selector"),
                        algorithm == null ? DkimAlgorithm.RSA_SHA256 : DkimAlgorithm.of(algorithm));
                yield io.result(KeyView.of(key), "DKIM key " + key.selector() + " of " + key.domain() + " ("
                        + key.algorithm().tag() + ") added, pending. Publish this record:\n"
                        + new DnsRecord(key.recordName(), "TXT", key.recordText(), "").zoneLine() + "\n"
                        + "then: courriel dkim activate " + key.domain() + " " + key.selector());
            }
            case "list" -> {
                List<DkimKey> list = c.arguments().isEmpty() ? keys.list() : keys.list(exactly(c, 1).getFirst());
                yield io.list(list.stream().map(KeyView::of).toList(), list.stream().map(k -> k.domain() + " "
                        + k.selector() + " " + k.algorithm().tag() + " " + k.state().name().toLowerCase(Locale.ROOT)
                        + " created=" + k.createdAt() + (k.activatedAt() == null ? "" : " activated=" + k.activatedAt())
                        + (k.retiredAt() == null ? "" : " retired=" + k.retiredAt())).toList());
            }
            case "activate" -> {
                List<String> a = exactly(c, 2);
                DkimKey key = activation.activate(a.get(0), a.get(1), c.option("force") != null);
                yield io.result(KeyView.of(key), "DKIM selector " + key.selector() + " of " + key.domain()
                        + " is active: it signs");
            }
            case "retire" -> {
                List<String> a = exactly(c, 2);
                DkimKey key = keys.retire(a.get(0), a.get(1));
                yield io.result(KeyView.of(key), "DKIM selector " + key.selector() + " of " + key.domain()
                        + " is retired; keep its TXT record published a few days for mail in flight");
            }
            default -> throw new UsageException("unknown command: dkim " + c.verb());
        };
    }

    private static List<String> exactly(AdminCommandLine c, int count) {
        if (c.arguments().size() != count) {
            throw new UsageException("dkim " + c.verb() + " takes " + count + " argument" + (count > 1 ? "s" : ""));
        }
        return c.arguments();
    }
}
