package org.courriel.sieve;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Compiles and runs a script on a message given as text, as the extension tests do. */
final class SieveRuns {

    static final SieveLimits LIMITS = new SieveLimits(10, 2, Duration.ofSeconds(5));

    private SieveRuns() {
    }

    static ParsedMessage message(String text) {
        return ParsedMessage.of(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8),
                "alice@example.net", "bob+lists@example.org", name -> false);
    }

    static List<SieveAction> run(String script, SieveMessage message) throws SieveSyntaxException {
        return SieveInterpreter.run(SieveScript.compile(script), message, LIMITS, "+");
    }

    /** The mailboxes the actions file into, INBOX for a keep. */
    static List<String> mailboxes(List<SieveAction> actions) {
        return actions.stream().map(a -> switch (a) {
            case SieveAction.FileInto f -> f.mailbox();
            case SieveAction.Keep k -> "INBOX";
            default -> a.getClass().getSimpleName();
        }).toList();
    }
}
