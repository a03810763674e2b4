package org.courriel.pop3.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every command the server knows, by keyword. APOP (RFC 1939 §7) is not among them: it needs clear passwords. */
public final class Pop3Commands {

    private static final Map<String, Pop3Command> COMMANDS = List.of(
            new CapaCommand(), new StlsCommand(), new AuthCommand(), new UserCommand(), new PassCommand(),
            new StatCommand(), new ListCommand(), new RetrCommand(), new TopCommand(), new UidlCommand(),
            new DeleCommand(), new RsetCommand(), new NoopCommand(), new QuitCommand())
            .stream().collect(Collectors.toUnmodifiableMap(Pop3Command::name, Function.identity()));

    private Pop3Commands() {
    }

    public static Optional<Pop3Command> find(String keyword) {
        return Optional.ofNullable(COMMANDS.get(keyword));
    }
}
