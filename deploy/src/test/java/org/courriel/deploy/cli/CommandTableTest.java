package org.courriel.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every noun of the usage text has the bean class that carries it out, and no class stands for two nouns. */
class CommandTableTest {

    @Test
    void everyNounButHelpNamesItsCommandClass() {
        assertThat(CommandTable.COMMANDS.keySet()).containsExactlyInAnyOrderElementsOf(CommandTable.SPECS.stream()
                .map(CommandSpec::noun).filter(noun -> !noun.equals(CommandTable.HELP.noun())).toList());
        Map<Class<?>, Long> nounsPerClass = CommandTable.COMMANDS.values().stream()
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertThat(nounsPerClass.values()).containsOnly(1L);
        assertThat(CommandTable.commandClass(CommandTable.HELP.noun())).isEmpty();
    }
}
