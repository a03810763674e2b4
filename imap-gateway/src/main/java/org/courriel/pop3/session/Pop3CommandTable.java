package org.courriel.pop3.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The commands a session runs, by keyword; the configuration gives the list, so sessions know no command class. */
public final class Pop3CommandTable {

    private final Map<String, Pop3Command> commands;

    public Pop3CommandTable(List<Pop3Command> commands) {
        this.commands = commands.stream().collect(Collectors.toUnmodifiableMap(Pop3Command::name, Function.identity()));
    }

    public Optional<Pop3Command> find(String keyword) {
        return Optional.ofNullable(commands.get(keyword));
    }
}
