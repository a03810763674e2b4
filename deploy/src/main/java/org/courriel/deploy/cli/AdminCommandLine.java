package org.courriel.deploy.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin command line: {@code NOUN [VERB] [arguments] [options]} (the nouns of {@link CommandTable}), with
 * Spring's {@code --name=value} arguments allowed anywhere beside it (they configure the database the command
 * acts on when it runs on its own).
 *
 * @param noun            the command, e.g. {@code user}
 * @param verb            its verb, or null for a command without verbs ({@code status})
 * @param arguments       the words after the verb
 * @param options         the command's own {@code --options}
 * @param springArguments every other {@code --name=value}
 * @param args            the whole command line as given, sent on to a running server
 * @param usageError      why the command line is unusable, or null
 */
public record AdminCommandLine(String noun, String verb, List<String> arguments, Map<String, String> options,
        String[] springArguments, String[] args, String usageError) {

    public static final String USAGE = CommandTable.usage();

    /** The settings a command run by the server may carry: they say where that server is, or how to log. */
    private static final Set<String> LOCATING_SETTINGS = Set.of("courriel.data-dir", "courriel.admin.socket.path");

    /** The command in {@code args}, or null when there is none (run the server). */
    public static AdminCommandLine parse(String[] args) {
        Set<String> withValue = CommandTable.optionsWithValue();
        Set<String> flags = CommandTable.flags();
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
                if (withValue.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            error = "--" + name + " needs a value";
                            continue;
                        }
                        value = args[++i];
                    }
                    options.put(name, value);
                } else if (flags.contains(name) && value == null) {
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
        String[] given = args.clone();
        String[] springArgs = spring.toArray(String[]::new);
        if (CommandTable.find(words.get(0)).isEmpty()) {
            return new AdminCommandLine(words.get(0), null, List.of(), Map.copyOf(options), springArgs, given,
                    "unknown command: " + words.get(0));
        }
        String verb = words.size() > 1 ? words.get(1) : null;
        List<String> rest = words.size() > 2 ? List.copyOf(words.subList(2, words.size())) : List.of();
        return new AdminCommandLine(words.get(0), verb, rest, Map.copyOf(options), springArgs, given, error);
    }

    public String option(String name) {
        return options.get(name);
    }

    public boolean json() {
        return options.containsKey("json");
    }

    /** The words after the noun, for commands without verbs ({@code log ADDRESS}). */
    public List<String> words() {
        List<String> all = new ArrayList<>();
        if (verb != null) {
            all.add(verb);
        }
        all.addAll(arguments);
        return all;
    }

    /**
     * Whether a running server may carry the command out: not when Spring arguments name another database or
     * configuration, which only a command run on its own would honour.
     */
    public boolean serverMayRun() {
        for (String arg : springArguments) {
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            String key = eq < 0 ? name : name.substring(0, eq);
            if (!LOCATING_SETTINGS.contains(key) && !key.startsWith("logging.")) {
                return false;
            }
        }
        return true;
    }

    /** The value of a Spring argument {@code --name=value}, or null. */
    public String springArgument(String name) {
        String prefix = "--" + name + "=";
        String found = null;
        for (String arg : springArguments) {
            if (arg.startsWith(prefix)) {
                found = arg.substring(prefix.length());
            }
        }
        return found;
    }
}
