package org.courriel.managesieve.protocol;

import java.util.List;
import java.util.Locale;

/**
 * One ManageSieve command (RFC 5804 §4): its name, upper case, and its arguments, each an atom (a number) or
 * a string (quoted or literal), decoded as UTF-8.
 */
public record Request(String command, List<String> arguments) {

    public Request {
        command = command.toUpperCase(Locale.ROOT);
        arguments = List.copyOf(arguments);
    }

    public int size() {
        return arguments.size();
    }

    public String argument(int i) {
        return arguments.get(i);
    }
}
