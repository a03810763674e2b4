package org.courriel.store.testing;

import java.util.List;
import java.util.Locale;

/**
 * Other spellings of an address that reach the same account ({@code local@sub.example.org}): what a guesser
 * tries to get past a per-account lockout. The protocols' lockout tests log in with each of them.
 */
public final class LoginSpellings {

    private LoginSpellings() {
    }

    /** The spellings of {@code address}, whose domain must contain "example" and end in ".org". */
    public static List<String> of(String address) {
        if (!address.contains("example") || !address.endsWith(".org")) {
            throw new IllegalArgumentException("needs an address in an example....org domain: " + address);
        }
        String stem = address.substring(0, address.length() - ".org".length());
        return List.of(
                address.toUpperCase(Locale.ROOT),
                address + ".",                                 // the root label, RFC 1034 §3.1
                " " + address,
                address.replace("example", "\uff45xample"),   // fullwidth e
                stem + "\u3002org",                            // ideographic full stop
                stem + "\uff0eorg",                            // fullwidth full stop
                stem + "\uff61org");                           // halfwidth ideographic full stop
    }
}
