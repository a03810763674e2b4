package org.courriel.mta.smtp.command;

import java.util.List;

import org.courriel.mta.smtp.session.SmtpCommand;

/**
 * The commands this server implements (RFC 5321 §4.1 and the extensions it advertises): the place to start
 * reading. The configuration hands them to the session's dispatcher.
 */
public final class SmtpCommands {

    private SmtpCommands() {
    }

    public static List<SmtpCommand> all() {
        return List.of(
                // RFC 5321 §4.1.1
                new HeloCommand(), new EhloCommand(), new MailCommand(), new RcptCommand(), new DataCommand(),
                new RsetCommand(), new VrfyCommand(), new HelpCommand(), new NoopCommand(), new QuitCommand(),
                // RFC 3030, RFC 3207, RFC 4954
                new BdatCommand(), new StartTlsCommand(), new AuthCommand());
    }
}
