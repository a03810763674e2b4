package org.courriel.deploy.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.Arguments;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.mta.queue.QueueEntry;
import org.courriel.mta.queue.QueueEntryDetail;
import org.courriel.mta.queue.QueueFilter;
import org.courriel.mta.queue.QueueService;
import org.courriel.mta.queue.RecipientState;
import org.courriel.store.StoreException;
import org.springframework.stereotype.Component;

/**
 * {@code queue list|show|retry|delete}: the outbound queue, as {@code /api/v1/admin/queue}. The API has no
 * hold, so neither has the command line.
 */
@Component
public class QueueCommands implements AdminCommand {

    public static final CommandSpec SPEC = new CommandSpec("queue", """
            queue list [--state QUEUED|DEFERRED|DELIVERED|FAILED] [--sender TEXT] [--domain DOMAIN] [--all] [--limit N]
            queue show ID | queue retry ID | queue delete ID""",
            Set.of("state", "sender", "domain", "limit"), Set.of("all"));

    private static final int DEFAULT_LIMIT = 100;

    private final QueueService queue;

    public QueueCommands(QueueService queue) {
        this.queue = queue;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        return switch (Arguments.verb(c)) {
            case "list" -> {
                List<QueueEntry> entries = queue.list(filter(c));
                yield io.list(entries, entries.stream().map(QueueCommands::line).toList());
            }
            case "show" -> {
                QueueEntryDetail detail = queue.show(id(c)).orElseThrow(() -> notFound(c));
                List<String> lines = new ArrayList<>(List.of(line(detail.entry())));
                detail.entry().recipients().forEach(r -> lines.add("  to=<" + r.address() + "> " + r.state()
                        + " attempts=" + r.attempts() + (r.lastReply() == null ? "" : " last=(" + r.lastReply() + ")")));
                detail.attempts().forEach(a -> lines.add("  " + a.attemptedAt() + " <" + a.address() + "> "
                        + a.remoteHost() + " " + a.code() + " " + a.outcome()));
                yield io.result(detail, String.join("\n", lines));
            }
            case "retry" -> {
                long id = id(c);
                queue.show(id).orElseThrow(() -> notFound(c));
                int due = queue.retryNow(id);
                if (due == 0) {
                    throw StoreException.invalid("queue entry " + id + " has no recipient waiting");
                }
                yield io.done("queue entry " + id + ": " + due + " recipient" + (due == 1 ? "" : "s") + " due now");
            }
            case "delete" -> {
                if (!queue.delete(id(c))) {
                    throw notFound(c);
                }
                yield io.done("queue entry " + id(c) + " deleted");
            }
            default -> throw new UsageException("unknown command: queue " + c.verb());
        };
    }

    private static QueueFilter filter(AdminCommandLine c) {
        RecipientState state = null;
        if (c.option("state") != null) {
            try {
                state = RecipientState.valueOf(c.option("state").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--state is one of QUEUED, DEFERRED, DELIVERED, FAILED");
            }
        }
        int limit = DEFAULT_LIMIT;
        if (c.option("limit") != null) {
            try {
                limit = Integer.parseInt(c.option("limit"));
            } catch (NumberFormatException e) {
                limit = 0;
            }
            if (limit < 1 || limit > QueueFilter.MAX_LIMIT) {
                throw new UsageException("--limit is 1 to " + QueueFilter.MAX_LIMIT);
            }
        }
        Boolean finished = c.option("all") != null ? null : Boolean.FALSE;
        return new QueueFilter(state, c.option("sender"), c.option("domain"), finished, null, limit);
    }

    private static String line(QueueEntry e) {
        return e.id() + " " + e.queuedAt() + " from=<" + e.sender() + "> size=" + e.size()
                + (e.finishedAt() == null ? "" : " finished=" + e.finishedAt()) + " "
                + String.join(" ", e.recipients().stream().map(r -> "<" + r.address() + ">:" + r.state()).toList());
    }

    private static long id(AdminCommandLine c) {
        String given = Arguments.one(c);
        try {
            return Long.parseLong(given);
        } catch (NumberFormatException e) {
            throw new UsageException("not a queue entry id: " + given);
        }
    }

    private static StoreException notFound(AdminCommandLine c) {
        return StoreException.notFound("queue entry " + Arguments.one(c));
    }
}
