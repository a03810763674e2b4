package org.courriel.mta.smtp.syntax;

import java.util.Locale;

/** Parses {@code AUTH mechanism [initial-response]} (RFC 4954 §4). Pure: text in, an {@link AuthRequest} out. */
public final class AuthArguments {

    private AuthArguments() {
    }

    /** Never fails: a missing or unknown mechanism is the command's 504 5.5.4 to give (RFC 4954 §4). */
    public static AuthRequest parse(String arguments) {
        String[] words = arguments.split(" ", 2);
        String mechanism = words[0].toUpperCase(Locale.ROOT);
        String initial = words.length > 1 ? words[1].strip() : null;
        // RFC 4954 §4: "=" is the initial response of zero length
        return new AuthRequest(mechanism, "=".equals(initial) ? "" : initial);
    }
}
