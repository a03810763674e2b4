package org.courriel.sieve;

import java.util.List;

/** A checked command of a script, ready to run. */
sealed interface Command {

    /** if/elsif/else (RFC 5228 §3.1): the first condition that holds runs its block. */
    record If(List<Test> conditions, List<List<Command>> blocks, List<Command> orElse) implements Command {
    }

    /** RFC 5228 §3.3. */
    record Stop() implements Command {
    }

    /** RFC 5228 §4.3; {@code flags} from imap4flags' {@code :flags}, or null for the current flags. */
    record Keep(List<String> flags) implements Command {
    }

    /** RFC 5228 §4.4. */
    record Discard() implements Command {
    }

    /** RFC 5228 §4.1, RFC 3894 :copy, RFC 5490 :create, RFC 5232 :flags. */
    record FileInto(String mailbox, List<String> flags, boolean copy, boolean create) implements Command {
    }

    /** RFC 5228 §4.2, RFC 3894 :copy. */
    record Redirect(String address, boolean copy) implements Command {
    }

    /** RFC 5429: reject (a DSN/MDN-like refusal) or ereject (an SMTP-level refusal where possible). */
    record Reject(String reason, boolean extended) implements Command {
    }

    /** RFC 5232 §3: setflag, addflag, removeflag on the internal flag variable. */
    record Flags(Op op, List<String> flags) implements Command {
        enum Op { SET, ADD, REMOVE }
    }

    /** RFC 5230 §4 with RFC 6131 :seconds. */
    record Vacation(SieveAction.Vacation action) implements Command {
    }

    /** RFC 6609 §3.2: {@code include [:personal / :global] [:once] [:optional] <name>}. */
    record Include(String name, boolean global, boolean once, boolean optional) implements Command {
    }

    /** RFC 6609 §3.3: ends the current script, the including one goes on. */
    record Return() implements Command {
    }

    /** RFC 6609 §3.4: these variables are shared with every script of the run that declares them. */
    record Global(List<String> names) implements Command {
    }

    /** RFC 5229 §4: {@code set} with its modifiers. */
    record Set(String name, String value, List<Variables.Modifier> modifiers) implements Command {
    }
}
