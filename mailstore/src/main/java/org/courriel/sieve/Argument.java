package org.courriel.sieve;

import java.util.List;

/** One argument of a command or test (RFC 5228 §2.6.1): a tag, a number or a string list. */
sealed interface Argument {

    int line();

    record Tag(String name, int line) implements Argument {
    }

    record Number(long value, int line) implements Argument {
    }

    /** A single string is a list of one; {@code single} tells which the script wrote. */
    record Strings(List<String> values, boolean single, int line) implements Argument {
    }
}
