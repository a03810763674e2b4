package org.courriel.mta.smtp.syntax;

import java.util.Locale;

/**
 * A command line split into its verb and the rest (RFC 5321 §4.1.1): {@code MAIL FROM:<a@b>} gives
 * {@code MAIL} and {@code FROM:<a@b>}. Verbs are case-insensitive and returned upper case.
 */
public record CommandLine(String verb, String arguments) {

    public static CommandLine parse(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return new CommandLine(trimmed.toUpperCase(Locale.ROOT), "");
        }
        return new CommandLine(trimmed.substring(0, space).toUpperCase(Locale.ROOT), trimmed.substring(space + 1).strip());
    }
}
