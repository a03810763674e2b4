package org.courriel.deploy.cli;

import java.util.Set;

/**
 * What the command line must know about one command noun before anything starts: its usage lines and which
 * of its {@code --options} take a value and which are flags (any other {@code --x=y} belongs to Spring).
 *
 * @param noun              the first word, e.g. {@code user}
 * @param usage             its lines of the usage text
 * @param optionsWithValue  its options that take a value ({@code --password P})
 * @param flags             its options without value ({@code --admin})
 */
public record CommandSpec(String noun, String usage, Set<String> optionsWithValue, Set<String> flags) {

    public CommandSpec {
        optionsWithValue = Set.copyOf(optionsWithValue);
        flags = Set.copyOf(flags);
    }

    public static CommandSpec of(String noun, String usage) {
        return new CommandSpec(noun, usage, Set.of(), Set.of());
    }
}
