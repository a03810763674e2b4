package org.courriel.imap.command;

import org.courriel.imap.config.ImapProperties;
import org.courriel.imap.session.CommandDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the command list to the dispatcher, so that the session package knows no command. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    @Bean
    CommandDispatcher commandDispatcher(ImapProperties properties) {
        return new CommandDispatcher(CommandSet.all(properties));
    }
}
