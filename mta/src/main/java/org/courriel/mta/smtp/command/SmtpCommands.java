package org.courriel.mta.smtp.command;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The commands this server implements, by verb (RFC 5321 §4.1 and the extensions it advertises). */
public final class SmtpCommands {

    private static final Map<String, SmtpCommand> COMMANDS = List.of(
            new HeloCommand(), new EhloCommand(), new MailCommand(), new RcptCommand(), new DataCommand(),
            new BdatCommand(), new RsetCommand(), new NoopCommand(), new QuitCommand(), new VrfyCommand(),
            new HelpCommand(), new StartTlsCommand(), new AuthCommand())
            .stream().collect(Collectors.toUnmodifiableMap(SmtpCommand::verb, Function.identity()));

    private SmtpCommands() {
    }

    /** The command for a verb (upper case), or null: 500 5.5.2. */
    public static SmtpCommand find(String verb) {
        return COMMANDS.get(verb);
    }
}
