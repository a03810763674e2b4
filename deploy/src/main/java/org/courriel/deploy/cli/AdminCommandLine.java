package org.courriel.deploy.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin command line: {@code domain|user|alias <verb> [arguments] [options]}, with Spring's
 * {@code --name=value} arguments allowed anywhere beside it (they configure the database the command acts on).
 */
public record AdminCommandLine(String noun, String verb, List<String> arguments, Map<String, String> options,
        String[] springArguments, String usageError) {

    public static final String USAGE = """
            usage: java -jar courriel.jar [--spring.property=value ...] COMMAND
              domain add DOMAIN | domain list | domain delete DOMAIN
              user add ADDRESS [--password PASSWORD] [--display-name NAME] [--quota SIZE] [--admin]
              user list | user delete ADDRESS | user passwd ADDRESS [--password PASSWORD]
              user quota ADDRESS SIZE | user enable ADDRESS | user disable ADDRESS
              alias add ADDRESS TARGET... | alias list | alias delete ADDRESS
            SIZE is bytes or a number with KB, MB or GB (0: no quota). Without --password, the password is read
            from standard input (one line).""";

    private static final Set<String> NOUNS = Set.of("domain", "user", "alias", "sieve"); // sieve: SieveAdminCommands
    /** Options of the command line; any other --x=y belongs to Spring. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("password", "display-name", "quota");
    private static final Set<String> FLAGS = Set.of("admin");

    /** The command in {@code args}, or null when there is none (run the server). */
    public static AdminCommandLine parse(String[] args) {
        if (MailAuthCli.handles(args)) return MailAuthCli.parse(args); // dkim, dns: their own options
        List<String> spring = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        String error = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (OPTIONS_WITH_VALUE.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            error = "--" + name + " needs a value";
                            continue;
                        }
                        value = args[++i];
                    }
                    options.put(name, value);
                } else if (FLAGS.contains(name) && value == null) {
                    options.put(name, "true");
                } else {
                    spring.add(arg);
                }
            } else {
                words.add(arg);
            }
        }
        if (words.isEmpty()) {
            return null;
        }
        if (!NOUNS.contains(words.get(0))) {
            return new AdminCommandLine(words.get(0), null, List.of(), options, spring.toArray(String[]::new),
                    "unknown command: " + words.get(0));
        }
        if (words.size() < 2) {
            error = words.get(0) + " needs a verb";
        }
        String verb = words.size() > 1 ? words.get(1) : null;
        List<String> rest = words.size() > 2 ? List.copyOf(words.subList(2, words.size())) : List.of();
        return new AdminCommandLine(words.get(0), verb, rest, Map.copyOf(options), spring.toArray(String[]::new), error);
    }

    public String option(String name) {
        return options.get(name);
    }
}
