package org.courriel.sieve;

import java.util.List;
import java.util.Set;

/**
 * A script that parsed and checked: every command and test known, every extension it uses required, every
 * argument of the right kind. Immutable; compile once, run on many messages.
 */
public final class SieveScript {

    /** The extensions Courriel implements, as ManageSieve's SIEVE capability lists them (RFC 5804 §1.7). */
    public static final List<String> EXTENSIONS = List.of("fileinto", "envelope", "reject", "ereject",
            "imap4flags", "subaddress", "copy", "mailbox", "relational", "vacation", "vacation-seconds",
            "comparator-i;ascii-numeric", "variables", "body", "date", "index", "spamtest", "spamtestplus",
            "duplicate", "include");

    private final List<Command> commands;
    private final Set<String> required;

    SieveScript(List<Command> commands, Set<String> required) {
        this.commands = commands;
        this.required = required;
    }

    /** Parses and checks a script. */
    public static SieveScript compile(String text) throws SieveSyntaxException {
        return Checker.check(Parser.parse(text));
    }

    List<Command> commands() {
        return commands;
    }

    /** The extensions its require commands name. */
    public Set<String> required() {
        return required;
    }
}
