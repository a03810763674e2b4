package org.courriel.deploy.cli.command;

import java.time.Instant;
import java.util.List;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.Arguments;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.store.srs.SrsSecret;
import org.courriel.store.srs.SrsSecrets;
import org.springframework.stereotype.Component;

/**
 * {@code srs list|rotate|remove}: the secrets that sign SRS addresses (docs/mail-authentication.md). Rotating
 * adds a new signing secret and keeps the old ones accepted; removing one makes the addresses it signed
 * invalid, so wait {@code courriel.srs.max-age} after a rotation. The keys themselves are never printed.
 */
@Component
public class SrsCommands implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("srs",
            "srs list | srs rotate | srs remove SERIAL   (secrets of forwarded mail's SRS addresses)");

    /** What is shown of a secret: never its key. */
    public record SecretView(int serial, Instant created, boolean signing) {
    }

    private final SrsSecrets secrets;

    public SrsCommands(SrsSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        return switch (Arguments.verb(c)) {
            case "list" -> {
                List<SrsSecret> all = secrets.all();
                List<SecretView> views = all.stream()
                        .map(s -> new SecretView(s.serial(), s.created(), s == all.getFirst())).toList();
                yield io.list(views, views.stream().map(v -> "secret " + v.serial() + ", created " + v.created()
                        + (v.signing() ? ", signs" : ", accepted")).toList());
            }
            case "rotate" -> io.done("secret " + secrets.rotate().serial() + " signs now; the others stay accepted");
            case "remove" -> {
                if (c.arguments().size() != 1 || !c.arguments().getFirst().matches("[0-9]{1,9}")) {
                    throw new UsageException("srs remove takes the SERIAL that srs list shows");
                }
                int serial = Integer.parseInt(c.arguments().getFirst());
                if (secrets.all().getFirst().serial() == serial) {
                    throw new UsageException("secret " + serial + " is the one that signs: srs rotate first");
                }
                yield io.done(secrets.remove(serial) ? "secret " + serial + " removed" : "no secret " + serial);
            }
            default -> throw new UsageException("unknown command: srs " + c.verb());
        };
    }
}
