package org.courriel.deploy.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.courriel.deploy.cli.AdminCommand;
import org.courriel.deploy.cli.AdminCommandLine;
import org.courriel.deploy.cli.CliIo;
import org.courriel.deploy.cli.CommandSpec;
import org.courriel.deploy.cli.ExitCode;
import org.courriel.deploy.cli.UsageException;
import org.courriel.deploy.maillog.MailLogProperties;
import org.courriel.deploy.maillog.MailLogSearch;
import org.courriel.store.StoreException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code log QUEUE-ID|MESSAGE-ID|ADDRESS}: the mail log's lines of one message (or of every message of an
 * address, and its failed logins), from {@code courriel.maillog.file}, else {@code logging.file.name}.
 */
@Component
public class LogCommand implements AdminCommand {

    public static final CommandSpec SPEC = CommandSpec.of("log",
            "log QUEUE-ID|MESSAGE-ID|ADDRESS       (the mail log's lines of a message or an address)");

    private final MailLogProperties properties;
    private final String loggingFile;

    public LogCommand(MailLogProperties properties, @Value("${logging.file.name:}") String loggingFile) {
        this.properties = properties;
        this.loggingFile = loggingFile;
    }

    @Override
    public String noun() {
        return SPEC.noun();
    }

    @Override
    public ExitCode run(AdminCommandLine c, CliIo io) {
        if (c.words().size() != 1) {
            throw new UsageException("log takes one queue id, Message-ID or address");
        }
        Path file = properties.file() != null ? properties.file() : loggingFile.isBlank() ? null : Path.of(loggingFile);
        if (file == null) {
            throw StoreException.invalid("no log file to read: set courriel.maillog.file (or logging.file.name)");
        }
        if (!Files.isReadable(file)) {
            throw StoreException.invalid("cannot read the log file " + file);
        }
        List<String> lines = new MailLogSearch(file, properties.maxScan().toBytes(), properties.maxLines())
                .find(c.words().get(0));
        if (lines.isEmpty()) {
            throw StoreException.notFound("a mail log line of " + c.words().get(0) + " in " + file);
        }
        return io.list(lines, lines);
    }
}
