package org.courriel.deploy.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.courriel.access.ServerProperties;
import org.courriel.mta.auth.dkim.DkimKeyActivation;
import org.courriel.mta.auth.records.DnsRecord;
import org.courriel.mta.auth.records.DomainRecords;
import org.courriel.mta.auth.records.MtaStsProperties;
import org.courriel.store.StoreException;
import org.courriel.store.account.DomainService;
import org.courriel.store.dkim.DkimAlgorithm;
import org.courriel.store.dkim.DkimKey;
import org.courriel.store.dkim.DkimKeyService;
import org.springframework.stereotype.Component;

/**
 * The mail-authentication admin commands: {@code dkim add|list|activate|retire} and {@code dns DOMAIN}. Parsed
 * and run here; {@link AdminCommandLine} and {@link AdminCliRunner} only hand them over. Exit codes as
 * {@link AdminCli}: 0 done, 1 refused, 2 bad usage.
 */
@Component
public class MailAuthCli {

    public static final Set<String> NOUNS = Set.of("dkim", "dns");

    public static final String USAGE = """
              dkim add DOMAIN [--selector SELECTOR] [--algorithm rsa|ed25519]   (prints the TXT record to publish)
              dkim list [DOMAIN] | dkim activate DOMAIN SELECTOR [--force] | dkim retire DOMAIN SELECTOR
              dns DOMAIN   (every DNS record the domain needs, and the MTA-STS policy file)""";

    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("selector", "algorithm");
    private static final Set<String> FLAGS = Set.of("force");

    private final DkimKeyService keys;
    private final DkimKeyActivation activation;
    private final DomainService domains;
    private final ServerProperties server;
    private final MtaStsProperties sts;

    public MailAuthCli(DkimKeyService keys, DkimKeyActivation activation, DomainService domains,
            ServerProperties server, MtaStsProperties sts) {
        this.keys = keys;
        this.activation = activation;
        this.domains = domains;
        this.server = server;
        this.sts = sts;
    }

    /** Whether the first word of {@code args} is one of ours. */
    public static boolean handles(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                return NOUNS.contains(arg);
            }
        }
        return false;
    }

    /** Our own options; any other {@code --x=y} belongs to Spring, as for {@link AdminCommandLine}. */
    public static AdminCommandLine parse(String[] args) {
        List<String> spring = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        String error = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null) {
                words.add(arg);
            } else if (OPTIONS_WITH_VALUE.contains(name)) {
                if (i + 1 >= args.length) {
                    error = arg + " needs a value";
                } else {
                    options.put(name, args[++i]);
                }
            } else if (name.contains("=") && OPTIONS_WITH_VALUE.contains(name.substring(0, name.indexOf('=')))) {
                options.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
            } else if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else {
                spring.add(arg);
            }
        }
        String noun = words.get(0);
        String verb;
        List<String> rest;
        if (noun.equals("dns")) {
            verb = "records";
            rest = List.copyOf(words.subList(1, words.size()));
        } else {
            verb = words.size() > 1 ? words.get(1) : null;
            rest = words.size() > 2 ? List.copyOf(words.subList(2, words.size())) : List.of();
            if (verb == null) {
                error = "dkim needs a verb";
            }
        }
        return new AdminCommandLine(noun, verb, rest, Map.copyOf(options), spring.toArray(String[]::new), error);
    }

    public int run(AdminCommandLine c, PrintStream out, PrintStream err) {
        try {
            return switch (c.noun() + " " + c.verb()) {
                case "dkim add" -> add(c, out);
                case "dkim list" -> {
                    List<DkimKey> list = c.arguments().isEmpty() ? keys.list() : keys.list(arg(c, 0, 1));
                    list.forEach(k -> out.println(k.domain() + " " + k.selector() + " " + k.algorithm().tag() + " "
                            + k.state().name().toLowerCase(java.util.Locale.ROOT) + " created=" + k.createdAt()
                            + (k.activatedAt() == null ? "" : " activated=" + k.activatedAt())
                            + (k.retiredAt() == null ? "" : " retired=" + k.retiredAt())));
                    yield 0;
                }
                case "dkim activate" -> {
                    DkimKey key = activation.activate(arg(c, 0, 2), arg(c, 1, 2), c.option("force") != null);
                    out.println("DKIM selector " + key.selector() + " of " + key.domain() + " is active: it signs");
                    yield 0;
                }
                case "dkim retire" -> {
                    DkimKey key = keys.retire(arg(c, 0, 2), arg(c, 1, 2));
                    out.println("DKIM selector " + key.selector() + " of " + key.domain()
                            + " is retired; keep its TXT record published a few days for mail in flight");
                    yield 0;
                }
                case "dns records" -> records(arg(c, 0, 1), out);
                default -> throw new UsageException("unknown command: " + c.noun() + " " + c.verb());
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("usage: java -jar courriel.jar [--spring.property=value ...] COMMAND");
            err.println(USAGE);
            return 2;
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int add(AdminCommandLine c, PrintStream out) {
        String algorithm = c.option("algorithm");
        // RSA by default: receivers that know no Ed25519 (RFC 8463) would see no valid signature at all.
        DkimKey key = keys.add(arg(c, 0, 1), c.option("selector"),
                algorithm == null ? DkimAlgorithm.RSA_SHA256 : DkimAlgorithm.of(algorithm));
        out.println("DKIM key " + key.selector() + " of " + key.domain() + " (" + key.algorithm().tag()
                + ") added, pending. Publish this record:");
        out.println(new DnsRecord(key.recordName(), "TXT", key.recordText(), "").zoneLine());
        out.println("then: courriel dkim activate " + key.domain() + " " + key.selector());
        return 0;
    }

    private int records(String domain, PrintStream out) {
        if (!domains.isLocal(domain)) {
            throw StoreException.notFound("domain " + domain);
        }
        String d = domain.toLowerCase(java.util.Locale.ROOT);
        for (DnsRecord r : DomainRecords.of(d, server.hostname(), keys.list(d), sts)) {
            out.println("; " + r.purpose());
            out.println(r.zoneLine());
        }
        if (!sts.mode().equals("none")) {
            out.println();
            out.println("; MTA-STS policy, served at https://mta-sts." + d + "/.well-known/mta-sts.txt:");
            DomainRecords.mtaStsPolicy(server.hostname(), sts).lines().forEach(out::println);
        }
        return 0;
    }

    private static String arg(AdminCommandLine c, int index, int count) {
        if (c.arguments().size() != count) {
            throw new UsageException(c.noun() + " " + c.verb() + " takes " + count + " argument"
                    + (count > 1 ? "s" : ""));
        }
        return c.arguments().get(index);
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
